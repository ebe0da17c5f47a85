"""The database restarts under steady load: 503s with Retry-After and the notice while it is down, never a 500,
and the first request after it is back succeeds, with no restart of the app."""

import threading
import time
from dataclasses import dataclass

import pytest

from tests.ops import harness

PATHS = ["/", "/articles/kratom-and-depression/", "/healthz"]
OUTAGE_SECONDS = 10


@dataclass
class Result:
    path: str
    sent: float
    done: float
    status: int
    retry_after: str | None
    notice: bool


def steady_load(port: int, path: str, stop: threading.Event, results: list[Result]) -> None:
    client = harness.Client(port, timeout=30)
    while not stop.is_set():
        sent = time.monotonic()
        try:
            response = client.get(path)
            status, retry = response.status, response.headers.get("retry-after")
            notice = "data-safety-notice" in response.body
        except OSError:
            status, retry, notice = 0, None, False  # no answer at all: counted as a failure
        results.append(Result(path, sent, time.monotonic(), status, retry, notice))
        time.sleep(0.05)


@pytest.fixture
def cluster(postgres):
    cluster = harness.Cluster().init()
    yield cluster
    cluster.remove()


def test_a_database_restart_is_survived(cluster, nodes):
    with harness.throwaway_database(port=cluster.port) as url:
        (node,) = nodes(harness.prepared_site(url))
        results: list[Result] = []
        stop = threading.Event()
        # One reader per path, so a slow answer on one does not hide the others.
        load = [threading.Thread(target=steady_load, args=(node.port, path, stop, results)) for path in PATHS]
        for thread in load:
            thread.start()
        try:
            time.sleep(2)
            stopping_at = time.monotonic()
            cluster.stop()
            down_at = time.monotonic()
            time.sleep(OUTAGE_SECONDS)
            cluster.start()
            up_at = time.monotonic()
            time.sleep(3)
        finally:
            stop.set()
            for thread in load:
                thread.join(timeout=60)

        before = [r for r in results if r.done < stopping_at]
        during = [r for r in results if r.sent >= stopping_at and down_at < r.done <= up_at]  # answered while down
        after = [r for r in results if r.sent >= up_at]
        pages_during = [r for r in during if r.path != "/healthz"]
        failed_during, failed_after = sum(r.status != 200 for r in during), sum(r.status != 200 for r in after)
        print(
            f"\nrequests: {len(before)} before; {len(during)} answered while down, {failed_during} of them failed"
            f" (all 503: {all(r.status == 503 for r in during)}, slowest {max(r.done - r.sent for r in during):.1f}s);"
            f" {len(after)} after, {failed_after} failed"
        )
        assert before and during and after
        assert all(r.status == 200 for r in before)
        assert not [r for r in results if (r.status >= 500 and r.status != 503) or r.status == 0]  # never a 500
        # While it is down: 503 with Retry-After, and pages still carry the safety notice.
        assert pages_during and all(r.status == 503 and r.retry_after for r in pages_during)
        assert all(r.notice for r in pages_during)
        assert all(r.status == 503 for r in during if r.path == "/healthz")  # the health check tells the truth
        # The first request after it is back succeeds, for every kind of page, with no restart of the app.
        for path in PATHS:
            first = next(r for r in after if r.path == path)
            assert first.status == 200, (path, first)
        assert all(r.status == 200 for r in after)
        assert node.process.poll() is None
