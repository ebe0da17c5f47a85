"""Settings are read from the environment; each case imports them in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k" * 20 + "Q9x!z" * 6


def load_settings(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    script = (
        "import json, kratom_info.settings as s;"
        "print(json.dumps({'debug': s.DEBUG, 'db': s.DATABASES['default'], 'hosts': s.ALLOWED_HOSTS,"
        "'cache': s.CACHES['default']['BACKEND'], 'static': s.STORAGES['staticfiles']['BACKEND']}, default=str))"
    )
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )


def loaded(**env) -> dict:
    result = load_settings(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_debug_off_without_a_secret_key_is_refused_with_a_clear_message():
    result = load_settings()
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("key", ["short", "django-insecure-" + "x" * 50, "a" * 60])
def test_debug_off_with_a_weak_key_is_refused(key):
    result = load_settings(DJANGO_SECRET_KEY=key)
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is too weak" in result.stderr


def test_debug_on_needs_no_key_and_allows_localhost():
    settings = loaded(DJANGO_DEBUG="1")
    assert settings["debug"] is True
    assert "127.0.0.1" in settings["hosts"]
    assert settings["static"].endswith("StaticFilesStorage")


def test_production_defaults():
    settings = loaded(DJANGO_SECRET_KEY=STRONG_KEY, DJANGO_ALLOWED_HOSTS="kratom.example, www.kratom.example")
    assert settings["debug"] is False
    assert settings["hosts"] == ["kratom.example", "www.kratom.example"]
    assert settings["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert settings["cache"].endswith("LocMemCache")


def test_sqlite_by_default_with_wal_and_immediate_transactions():
    db = loaded(DJANGO_DEBUG="1")["db"]
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]


def test_database_url_selects_postgresql_with_a_checked_pool():
    db = loaded(DJANGO_DEBUG="1", DATABASE_URL="postgres://app:secret@db.internal:5432/kratom")["db"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["NAME"], db["USER"]) == ("db.internal", "kratom", "app")
    assert db["CONN_MAX_AGE"] == 0
    assert db["CONN_HEALTH_CHECKS"] is True
    assert db["OPTIONS"]["pool"]["max_size"] == 10


def test_redis_url_selects_djangos_redis_cache():
    assert loaded(DJANGO_DEBUG="1", REDIS_URL="redis://127.0.0.1:6379/1")["cache"].endswith("RedisCache")


def test_url_fields_assume_https():
    from editorial.models import Source

    field = Source._meta.get_field("url").formfield()
    assert field.clean("www.fda.gov/kratom") == "https://www.fda.gov/kratom"


def start_wsgi(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    return subprocess.run(
        [sys.executable, "-c", "import kratom_info.wsgi"],
        cwd=ROOT,
        env={**clean, "DJANGO_SECRET_KEY": STRONG_KEY, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_server_with_a_process_local_cache_is_refused_unless_it_is_one_process():
    refused = start_wsgi()
    assert refused.returncode != 0 and "set REDIS_URL, or DJANGO_SINGLE_PROCESS=1" in refused.stderr
    assert start_wsgi(DJANGO_SINGLE_PROCESS="1").returncode == 0
    assert start_wsgi(REDIS_URL="redis://127.0.0.1:6379/0").returncode == 0
    assert start_wsgi(DJANGO_DEBUG="1").returncode == 0


def test_media_storage_options_must_be_json():
    result = load_settings(DJANGO_DEBUG="1", DJANGO_MEDIA_STORAGE_OPTIONS="{bucket: x}")
    assert result.returncode != 0 and "DJANGO_MEDIA_STORAGE_OPTIONS is not valid JSON" in result.stderr
