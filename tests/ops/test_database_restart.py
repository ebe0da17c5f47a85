"""The database restarts under steady load: 503s with Retry-After and the notice while it is down, never a 500,
and the first request after it is back succeeds, with no restart of the app."""

import threading
import time

import pytest

from tests.ops import harness

ARTICLE = "/articles/kratom-and-depression/"
# The first two are in the page cache (Redis), which keeps serving them while the database is away;
# the third skips the cache (a parameter no page reads), so it needs the database every time.
UNCACHED = "/search/?q=kratom"  # never cached: it needs the database every time
PATHS = ["/", ARTICLE, UNCACHED, "/healthz"]
CACHED = {"/", ARTICLE}
# While the server is down, a request that needs it waits DATABASE_POOL_TIMEOUT (3 s) for the pool, and may
# queue behind another such request first: about 6 s on a quiet machine, more on a busy one. The outage is
# long enough for several of each path to be asked and answered inside it, whatever the load.
OUTAGE_SECONDS = 20
WORKERS = 3  # as in the README's production command


@pytest.fixture
def cluster(postgres):
    cluster = harness.Cluster().init()
    yield cluster
    cluster.remove()


def test_a_database_restart_is_survived(cluster, nodes):
    with harness.throwaway_database(port=cluster.port) as url:
        (node,) = nodes(harness.prepared_site(url), workers=WORKERS)
        results: list[harness.LoadResult] = []
        stop = threading.Event()
        # One reader per path, so a slow answer on one does not hide the others.
        load = [
            threading.Thread(target=harness.steady_load, args=(node.port, path, stop, results, 30, 0.05))
            for path in PATHS
        ]
        for thread in load:
            thread.start()
        try:
            time.sleep(2)
            stopping_at = time.monotonic()
            cluster.stop()
            down_at = time.monotonic()
            time.sleep(OUTAGE_SECONDS)
            restarting_at = time.monotonic()
            cluster.start()
            up_at = time.monotonic()
            time.sleep(3)
        finally:
            stop.set()
            for thread in load:
                thread.join(timeout=60)

        before = [r for r in results if r.done < stopping_at]
        during = [r for r in results if r.sent >= down_at and r.done <= restarting_at]  # asked and answered while down
        after = [r for r in results if r.sent >= up_at]
        from_cache = [r for r in during if r.path in CACHED and r.status == 200]
        refused = [r for r in during if r.status == 503]
        slowest = max(r.done - r.sent for r in during)
        print(
            f"\nrequests: {len(before)} before; {len(during)} answered while the database was down:"
            f" {len(from_cache)} cached pages served (200), {len(refused)} answered 503 (slowest {slowest:.1f}s),"
            f" {len(during) - len(from_cache) - len(refused)} other; {len(after)} after,"
            f" {sum(r.status != 200 for r in after)} failed"
        )
        assert before and during and after
        assert all(r.status == 200 for r in before)
        assert not [r for r in results if (r.status >= 500 and r.status != 503) or r.status == 0]  # never a 500
        # While it is down: pages in the cache are still served; any other page is a 503 with Retry-After.
        # Either way a page carries the safety notice, and the health check tells the truth.
        assert from_cache, "pages in the shared cache are served while the database is away"
        uncached = [r for r in during if r.path == UNCACHED]
        assert uncached and all(r.status == 503 and r.retry_after for r in uncached)
        assert all(r.status == 200 or (r.status == 503 and r.retry_after) for r in during if r.path in CACHED)
        assert all(r.notice for r in during if r.path != "/healthz")
        assert all(r.status == 503 for r in during if r.path == "/healthz")
        # The first request after it is back succeeds, for every kind of page, with no restart of the app.
        for path in PATHS:
            first = next(r for r in after if r.path == path)
            assert first.status == 200, (path, first)
        assert all(r.status == 200 for r in after)
        assert node.process.poll() is None
