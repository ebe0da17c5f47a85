"""The cache is an optimisation, never a dependency; and a takedown takes whatever the cache was doing.

Found by a fault injector: with Redis stopped every cookie-less page answered 500 (the health check and the
admin login too); and an article unpublished during the outage came back, for a day, once Redis restarted
from a snapshot taken before. Here Redis is "stopped" by pointing the cache at a port nobody listens on,
and "restarted from a snapshot" by putting an older copy of the content version back in the cache.
"""

import logging
import socket
import threading

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from editorial import content_version, resilient_cache
from editorial.workflow.services import content_unpublish
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)  # real commits, as in production


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nobody listens once the probe is closed


def redis_at(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "editorial.resilient_cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


@pytest.fixture(autouse=True)
def fresh_breaker(settings):
    settings.PAGE_CACHE = True
    resilient_cache._state.update(open_until=0.0)
    yield
    resilient_cache._state.update(open_until=0.0)


@pytest.fixture
def reviewer(django_user_model):
    """A medical reviewer who can take content down, with a password for the admin login."""
    from django.contrib.auth.models import Group

    from editorial.roles import REVIEWER

    user = django_user_model.objects.create_user("reviewer", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWER))
    factories.ContributorFactory(name="Dr Outage", credentials="MD", user=user)
    return user


@pytest.fixture
def article():
    return factories.ArticleFactory(published=True, title="A reviewed article", slug="reviewed")


def test_with_redis_down_every_page_is_served_uncached_and_health_says_degraded(article, caplog, reviewer):
    with override_settings(CACHES=redis_at(closed_port())), caplog.at_level(logging.WARNING):
        for path in ["/", article.get_absolute_url(), "/get-help/", "/robots.txt", "/articles/", "/admin/login/"]:
            response = Client().get(path)
            assert response.status_code == 200, path
        health = Client().get("/healthz")
        assert health.status_code == 200
        assert health.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}
        # Staff can still log in (sessions and lockouts live in the database).
        staff = Client()
        login = {"username": "reviewer", "password": "a-long-test-password"}
        assert staff.post("/admin/login/", login).status_code == 302
        assert staff.get("/admin/").status_code == 200
    warnings = [r for r in caplog.records if r.name == "editorial.resilient_cache"]
    assert len(warnings) == 1  # logged once per interval, not once per request


def test_a_hung_redis_costs_one_timeout_per_interval_not_one_per_request(article):
    """A server that accepts and never answers: after the first timeout the cache is left alone."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []

    def accept():
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    try:
        with override_settings(CACHES=redis_at(listener.getsockname()[1])):
            for _ in range(5):
                assert Client().get(article.get_absolute_url()).status_code == 200
            assert resilient_cache.degraded()
            assert len(accepted) == 1  # one connection tried, then the cache was left alone
    finally:
        listener.close()
        for connection in accepted:
            connection.close()


def test_an_unpublish_during_an_outage_takes_when_the_cache_returns_with_old_data(article, reviewer):
    page = article.get_absolute_url()
    assert Client().get(page).status_code == 200  # stored in the cache under the current version
    before = cache.get(content_version.COPY_KEY)
    assert before is not None

    with override_settings(CACHES=redis_at(closed_port())):  # Redis stops; a reviewer takes the article down
        content_unpublish(obj=article, user=reviewer, note="Safety correction")
        assert Client().get(page).status_code == 404

    # Redis comes back from a snapshot taken before: the old copy of the version and the old page.
    cache.set(content_version.COPY_KEY, before, timeout=None)
    resilient_cache._state.update(open_until=0.0)
    assert Client().get(page).status_code == 404  # at the next request, not when the old copy expires
    assert cache.get(content_version.COPY_KEY)["serial"] > before["serial"]  # and the copy is repaired


def test_an_old_copy_is_found_by_the_periodic_check_even_without_a_failure_seen(article, reviewer, settings):
    """A node that served nothing during the outage still checks the copy against the row."""
    settings.CONTENT_VERSION_VERIFY_SECONDS = 0
    page = article.get_absolute_url()
    Client().get(page)
    before = cache.get(content_version.COPY_KEY)
    content_unpublish(obj=article, user=reviewer, note="Safety correction")
    cache.set(content_version.COPY_KEY, before, timeout=None)  # as if the copy had been rolled back
    assert Client().get(page).status_code == 404


def test_with_the_database_away_the_copy_is_used_so_cached_pages_are_still_served(article, monkeypatch):
    page = article.get_absolute_url()
    Client().get(page)

    asked = []

    def database_away():
        from django.db import OperationalError

        asked.append(1)
        raise OperationalError("the database is away")

    monkeypatch.setattr(content_version, "_copy", database_away)
    content_version._checked.update(at=float("-inf"))  # a check is due
    assert content_version.content_version() == cache.get(content_version.COPY_KEY)["version"]
    content_version._checked.update(at=float("-inf"))  # due again: but the database failed a moment ago
    assert content_version.content_version() == cache.get(content_version.COPY_KEY)["version"]
    assert len(asked) == 1  # a request during the outage waits for the database once (in its view), not twice


def test_a_change_commits_its_version_in_its_own_transaction(article, reviewer):
    """The row changes in the same transaction as the content: a rollback takes both back."""
    from django.db import transaction

    from editorial.models import ContentVersion

    serial = ContentVersion.objects.get().serial
    with pytest.raises(RuntimeError), transaction.atomic():
        content_unpublish(obj=article, user=reviewer, note="never mind")
        assert ContentVersion.objects.get().serial > serial  # written inside the transaction
        raise RuntimeError
    assert ContentVersion.objects.get().serial == serial


def test_changes_in_a_long_block_write_one_version_at_its_end(article, reviewer):
    """An import batch notes its changes and writes the version once, at the end: the row every writer
    updates is locked for moments, not for the whole batch."""
    from django.db import transaction

    from editorial.models import ContentVersion

    serial = ContentVersion.objects.get().serial
    with transaction.atomic():
        with content_version.changes_at_end():
            factories.TopicFactory(name="New topic one")
            factories.TopicFactory(name="New topic two")
            assert ContentVersion.objects.get().serial == serial  # not written yet: not locked yet
        assert ContentVersion.objects.get().serial > serial  # written once, at the end of the block


def test_a_copy_read_after_a_cache_failure_is_not_trusted_while_the_database_is_away(article, reviewer, monkeypatch):
    """Found by review: Redis back from an old snapshot while the database is still away (a host reboot)."""
    page = article.get_absolute_url()
    Client().get(page)
    before = cache.get(content_version.COPY_KEY)
    content_unpublish(obj=article, user=reviewer, note="Safety correction")
    cache.set(content_version.COPY_KEY, before, timeout=None)  # the old snapshot
    resilient_cache._failed("get", ConnectionError("Redis restarting"))  # seen by this machine
    resilient_cache._state.update(open_until=0.0)

    def database_away():
        from django.db import OperationalError

        raise OperationalError("the database is away")

    monkeypatch.setattr(content_version, "_copy", database_away)
    assert Client().get(page).status_code == 404  # rendered, not the stored page of the old version


def test_a_copy_in_an_older_releases_shape_is_read_again_not_a_500(article):
    cache.set(content_version.COPY_KEY, {"version": "old", "next_change_at": None}, timeout=None)
    assert Client().get("/").status_code == 200
    assert "serial" in cache.get(content_version.COPY_KEY)


def test_search_during_the_database_backoff_is_a_503_not_a_500(article, monkeypatch):
    import time

    content_version._checked.update(database_failed_at=time.monotonic())
    cache.delete(content_version.COPY_KEY)
    response = Client().get("/search/?q=kratom")
    assert response.status_code == 503 and response.has_header("Retry-After")
