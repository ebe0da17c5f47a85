"""Static files are hashed, compressed and cached for good; public pages are light and run no JavaScript."""

import re

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client, override_settings

from tests.site.test_safety_sweep import public_urls

pytestmark = pytest.mark.django_db
MANIFEST = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


def test_collected_files_have_hashed_names_and_immutable_caching(tmp_path, settings):
    storages = {**settings.STORAGES, "staticfiles": MANIFEST}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", "--no-input", verbosity=0)
        url = static("css/site.css")
        assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
        assert (tmp_path / url.removeprefix("/static/")).with_suffix(".css.gz").exists()  # and a compressed copy
        response = Client().get(url, headers={"accept-encoding": "gzip"})
        body = b"".join(response.streaming_content)
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Cross-Origin-Resource-Policy"] == "same-site"
    assert len(body) < 5_000  # one small stylesheet, compressed


def test_public_pages_run_no_script_load_no_font_and_stay_under_100_kb(client, one_of_each, settings):
    css_size = (settings.BASE_DIR / "static" / "css" / "site.css").stat().st_size
    for name, urls in public_urls(one_of_each).items():
        html = client.get(urls[0]).content.decode()
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert all('type="application/ld+json"' in tag for tag in scripts), (name, scripts)
        assert not re.search(r"<link[^>]+(font|\.woff)", html), name  # system fonts only
        stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert stylesheets == [static("css/site.css")], (name, stylesheets)
        assert len(html.encode()) + css_size < 100_000, name  # even before compression
