"""A file that is not one of our backups is refused with a clear message, and nothing is changed."""

import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def tar_with(tmp_path, name: str, manifest: bytes):
    path = tmp_path / name
    with tarfile.open(path, "w") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.tar", "is not a Kratom Info backup"),
        (lambda tmp: (tmp / "junk.tar").write_bytes(b"\x00junk" * 100) and tmp / "junk.tar", "is not a Kratom Info"),
        (lambda tmp: tar_with(tmp, "bad.tar", b"{not json"), "is not a Kratom Info backup"),
        (lambda tmp: tar_with(tmp, "future.tar", json.dumps({"format": 99}).encode()), "backup format 99"),
        (
            lambda tmp: tar_with(tmp, "pg.tar", json.dumps({"format": 1, "engine": "oracle", "rows": {}}).encode()),
            "oracle database",
        ),
        (
            lambda tmp: tar_with(
                tmp, "full.tar", json.dumps({"format": 1, "engine": connection.vendor, "rows": {}}).encode()
            ),
            "not empty",
        ),
    ],
    ids=["missing", "not-a-tar", "bad-manifest", "newer-format", "other-engine", "database-not-empty"],
)
def test_restore_refuses_what_it_cannot_restore(tmp_path, make, message):
    factories.ArticleFactory(title="Still here")
    path = make(tmp_path)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path))
    assert Article.objects.get().title == "Still here"
