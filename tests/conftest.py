import os
import shutil

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.test import override_settings

from tests import factories

# A marker names what a test needs; missing it, the test skips with a printed
# reason, or fails when CI says the thing must be there (REQUIRE_...=1).
REQUIREMENTS = {
    "postgres": ("REQUIRE_POSTGRES", "PostgreSQL (set DATABASE_URL=postgres://...)"),
    "browser": ("REQUIRE_BROWSER", "Chromium (apt-get install chromium)"),
    "redis": ("REQUIRE_REDIS", "Redis (set REDIS_URL=redis://...)"),
}


def _available(marker: str) -> bool:
    if marker == "postgres":
        return connection.vendor == "postgresql"
    if marker == "browser":
        return shutil.which("chromium") is not None
    if marker == "redis":
        return bool(os.environ.get("REDIS_URL"))
    return True


def pytest_runtest_setup(item):
    for marker, (variable, what) in REQUIREMENTS.items():
        if item.get_closest_marker(marker) and not _available(marker):
            message = f"needs {what}"
            if os.environ.get(variable) == "1":
                pytest.fail(f"{message}, and {variable}=1 says it must be here", pytrace=False)
            pytest.skip(message)


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser(live_server):
    """Debian's Chromium through Playwright (playwright's own browsers cannot be downloaded here), one per
    module; tests open their own contexts or pages in it. Use with the `browser` marker."""
    # Playwright's sync API runs an event loop in this thread; the live server's ORM calls are in another.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True, scope="session")
def _test_settings():
    # Tests run with DEBUG off, where static files use the manifest storage;
    # that needs collectstatic, which only the static-files test runs.
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],  # speed only
        SECURE_SSL_REDIRECT=False,  # the test client speaks plain HTTP; tests/test_security.py asks for HTTPS
        PAGE_CACHE=False,  # tests write and read back in one transaction; tests/test_page_cache.py turns it on
        STAFF_TWO_FACTOR=False,  # on with debug off; tests/test_two_factor.py turns it back on
        CONTENT_VERSION_VERIFY_SECONDS=3600,  # checked once per test (below); tests of the check set their own
    ):
        yield


@pytest.fixture(autouse=True, scope="session")
def _close_connection_pools(django_db_setup, django_db_blocker):
    """Close PostgreSQL pools (the live server's threads leave connections in them) before the test
    database is dropped, or the drop fails with "being accessed by other users"."""
    yield
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            # A connection checked out by the live server's threads is never handed back; end it.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
        connections.close_all()  # hand this thread's connections back: a pool closes only idle ones
        for connection_ in connections.all():
            if getattr(connection_, "pool", None) is not None:
                connection_.close_pool()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache, and each process's content-version check (at most every
    CONTENT_VERSION_VERIFY_SECONDS, an hour here, so query counts do not depend on the clock) starts over."""
    from editorial import content_version

    cache.clear()
    content_version._checked.update(at=float("-inf"), failures=None, database_failed_at=float("-inf"))
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_nested_forms(monkeypatch):
    """Every admin page a test opens with Django's test client is checked: a <form> inside another is
    dropped by browsers (its button submits the outer form), so the test fails on one."""
    from django.test.client import Client

    from tests.html_checks import nested_forms

    request = Client.request

    def checked(self, **kwargs):
        response = request(self, **kwargs)
        html = not response.streaming and response.get("Content-Type", "").startswith("text/html")
        if html and kwargs.get("PATH_INFO", "").startswith("/admin/"):
            nested = nested_forms(response.content.decode(response.charset or "utf-8", "replace"))
            assert not nested, f"nested <form> on {kwargs['PATH_INFO']}: {nested}"
        return response

    monkeypatch.setattr(Client, "request", checked)


@pytest.fixture
def reviewer(db):
    return factories.ContributorFactory(name="Dr Test Reviewer", credentials="MD")


@pytest.fixture
def staff_client(client, django_user_model):
    """Logged in as staff with the Editor role."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client.force_login(user)
    return client


@pytest.fixture
def admin_client_logged_in(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture
def one_of_each(db):
    """One published object of every content type, with its related rows."""
    article = factories.ArticleFactory(published=True)
    faq = factories.FAQEntryFactory(published=True)
    strain = factories.StrainProfileFactory(published=True)
    factories.ReportedEffectFactory(strain=strain)
    risk = factories.RiskItemFactory(published=True)
    page = factories.PageFactory(published=True, slug="about")
    article.related_risks.add(risk)
    article.related_faqs.add(faq)
    return {"article": article, "faq": faq, "strain": strain, "risk": risk, "page": page, "contributor": article.author}
