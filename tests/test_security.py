"""Production settings pass Django's deployment checks; every response carries the security headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_SECRET_KEY": "k" * 20 + "Q9x!z" * 6,
    "DJANGO_ALLOWED_HOSTS": "kratom.example",
    "SITE_URL": "https://kratom.example",
}


def test_check_deploy_passes_with_no_warning():
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_pages_carry_the_security_headers(client):
    response = client.get("/get-help/", secure=True)
    csp = response["Content-Security-Policy"]
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]:
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_SSL_REDIRECT=True)
def test_https_is_enforced_and_remembered(client):
    assert client.get("/get-help/")["Location"] == "https://testserver/get-help/"
    hsts = client.get("/get-help/", secure=True)["Strict-Transport-Security"]
    assert hsts.startswith("max-age=31536000") and "includeSubDomains" in hsts


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)  # serve without collectstatic
def test_static_files_may_be_used_by_the_same_site(client):
    assert client.get("/static/css/site.css")["Cross-Origin-Resource-Policy"] == "same-site"


def test_an_anonymous_reader_gets_no_cookie_until_they_reply(client):
    from tests import factories

    article = factories.ArticleFactory(published=True)
    for path in ["/", "/articles/", article.get_absolute_url(), "/search/?q=mood"]:
        assert not client.get(path, secure=True).cookies, path
    cookie = client.get(f"/articles/{article.slug}/reply/", secure=True).cookies["csrftoken"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_security_txt_says_how_to_report_a_problem(client, settings):
    settings.SECURITY_CONTACT = "mailto:security@kratom.example"
    body = client.get("/.well-known/security.txt").content.decode()
    assert "Contact: mailto:security@kratom.example" in body
    assert "Expires: " in body
