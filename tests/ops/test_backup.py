"""`make backup` then `make restore FILE=...` into an empty database gives back the same site."""

import json
import subprocess
import sys

import pytest

from tests.ops import harness

# Row counts and a sample of content, printed by `manage.py shell` in the environment given.
SNAPSHOT = """
import hashlib, json
from articles.models import Article
from operations.backup import row_counts
sample = {a.slug: hashlib.sha256((a.title + a.body + a.body_html).encode()).hexdigest() for a in Article.objects.all()}
print(json.dumps({"rows": row_counts(), "sample": sample}))
"""


def snapshot(env: dict) -> dict:
    return json.loads(harness.manage("shell", "-c", SNAPSHOT, env=env).strip().splitlines()[-1])


def round_trip(env: dict, empty_env: dict, tmp_path) -> str:
    media = tmp_path / "media-before" / "uploads"
    media.mkdir(parents=True)
    (media / "dot.png").write_bytes(b"\x89PNG not really, but bytes to keep")
    env = {**env, "DJANGO_MEDIA_ROOT": str(media.parent)}
    empty_env = {**empty_env, "DJANGO_MEDIA_ROOT": str(tmp_path / "media-after")}
    before = snapshot(env)

    written = harness.manage("backup", "--directory", str(tmp_path / "backups"), env=env)
    (archive,) = (tmp_path / "backups").glob("kratom-info-*.tar")
    assert str(archive) in written
    assert archive.stat().st_mode & 0o777 == 0o600  # it holds password hashes and readers' e-mails
    output = harness.manage("restore", str(archive), env=empty_env)

    after = snapshot(empty_env)
    assert after == before and sum(before["rows"].values()) > 50 and len(before["sample"]) >= 4
    assert (tmp_path / "media-after" / "uploads" / "dot.png").read_bytes() == (media / "dot.png").read_bytes()
    # A second restore into the now full database is refused, and changes nothing.
    refused = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)], cwd=harness.ROOT, env=empty_env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert refused.returncode == 1 and "The database is not empty" in refused.stderr
    assert snapshot(empty_env) == before
    return output


def test_postgresql_backup_restores_into_an_empty_database(site, tmp_path):
    with harness.throwaway_database(prefix="kratom_restore") as empty:
        output = round_trip(site, harness.production_env(DATABASE_URL=empty), tmp_path)
    print(f"\n{output.strip()}")


def test_sqlite_backup_restores_into_an_empty_database(tmp_path):
    env = harness.prepared_site(f"sqlite:///{tmp_path / 'site.sqlite3'}")
    output = round_trip(env, harness.production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'new.sqlite3'}"), tmp_path)
    print(f"\n{output.strip()}")


@pytest.fixture(autouse=True)
def _needs_postgres(request):
    if "site" in request.fixturenames:
        request.getfixturevalue("postgres")
