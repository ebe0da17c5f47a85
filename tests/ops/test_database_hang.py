"""PostgreSQL hangs instead of stopping (SIGSTOP: the kernel still accepts connections and acknowledges every
packet, and nothing ever answers) under steady load, behind the README's gunicorn command (--timeout 30).

Every request is answered within the database bounds (DATABASE_POOL_TIMEOUT + DATABASE_ANSWER_TIMEOUT, 15 s
with the defaults used here): cached pages 200, the rest the 503 page with Retry-After and the safety notice.
Never a dropped connection, a 500, or a worker killed by gunicorn's timeout. A reply sent during the hang gets
the "not saved" page with its words kept (and the crisis lines for crisis words); the site recovers after
SIGCONT with no restart, and the page the writer was left with then sends the reply.
"""

import threading
import time
from html import unescape

import pytest

from tests.ops import harness

ARTICLE = "/articles/kratom-and-depression/"
REPLY = f"{ARTICLE}reply/"
UNCACHED = "/search/?q=kratom"  # never cached: it needs the database every time
PATHS = ["/", ARTICLE, UNCACHED, "/healthz"]
CACHED = {"/", ARTICLE}  # may be served from the shared cache (Redis) while the database is away
HANG_SECONDS = 20  # longer than the longest bound (15 s), so every kind of wait ends inside the hang
BOUND = 3 + 12  # DATABASE_POOL_TIMEOUT + DATABASE_ANSWER_TIMEOUT, the defaults: what one request can wait
WRITER = {"name": "Robin", "email": "robin@example.org", "website": ""}
WORDS = "Written while the database hung, and kept for the writer to send again."
CRISIS_WORDS = "Written while the database hung. I want to end my life tonight."


def send_reply(client: harness.Client, form: dict, words: str, out: dict) -> None:
    sent = time.monotonic()
    try:
        out["response"] = client.post(REPLY, {**form, **WRITER, "body": words})
    except OSError as error:
        out["error"] = error
    out["seconds"] = time.monotonic() - sent


def stored(cluster: harness.Cluster, database: str, words: str) -> int:
    count = f"SELECT count(*) FROM comments_comment WHERE body = '{words}'"
    return int(harness.psql(count, port=cluster.port, database=database))


@pytest.fixture
def cluster(postgres):
    cluster = harness.PausableCluster().init()
    yield cluster
    cluster.remove()  # resumes it first, if a failure left it stopped


def test_a_hung_database_is_answered_with_503_within_the_bounds(cluster, redis):
    with harness.throwaway_database(port=cluster.port) as url:
        harness.flush_redis()
        node = harness.ReadmeNode(harness.prepared_site(url), name="hang-node")
        try:
            node.start()
            hang_under_load(node, cluster, database=url.rsplit("/", 1)[1])
        finally:
            cluster.resume()
            node.stop()


def hang_under_load(node: harness.Node, cluster: harness.PausableCluster, database: str) -> None:
    results: list[harness.LoadResult] = []
    stop = threading.Event()
    load = [
        threading.Thread(target=harness.steady_load, args=(node.port, path, stop, results, 60, 0.1)) for path in PATHS
    ]
    writers = {words: harness.Client(node.port, timeout=60) for words in (WORDS, CRISIS_WORDS)}
    forms = {words: harness.hidden_inputs(client.get(REPLY).body) for words, client in writers.items()}
    replies: dict[str, dict] = {words: {} for words in writers}
    posting = [
        threading.Thread(target=send_reply, args=(writers[words], forms[words], words, replies[words]))
        for words in writers
    ]
    for thread in load:
        thread.start()
    try:
        time.sleep(3.5)  # the signed forms refuse answers sent back within COMMENTS_MIN_SECONDS
        cluster.pause()
        hung_at = time.monotonic()
        time.sleep(0.5)
        for thread in posting:
            thread.start()
        time.sleep(HANG_SECONDS - 0.5)
        cluster.resume()
        resumed_at = time.monotonic()
        time.sleep(8)
    finally:
        cluster.resume()
        stop.set()
        for thread in load + [t for t in posting if t.ident]:
            thread.join(timeout=90)

    before = [r for r in results if r.done < hung_at]
    during = [r for r in results if r.sent >= hung_at and r.done <= resumed_at]
    settled = [r for r in results if r.sent >= resumed_at + 3]
    slowest = max(r.done - r.sent for r in results)
    waits = sorted(r.done - r.sent for r in during if r.status == 503)
    first_back = {path: next(r for r in results if r.path == path and r.sent >= resumed_at) for path in PATHS}
    print(
        f"\nhang of {HANG_SECONDS}s: {len(before)} requests before; {len(during)} answered during it:"
        f" {sum(r.status == 200 for r in during)} from the cache (200), {len(waits)} answered 503"
        f" (median {waits[len(waits) // 2]:.1f}s, slowest {waits[-1]:.1f}s); slowest request of the run"
        f" {slowest:.1f}s (gunicorn --timeout {harness.README_TIMEOUT}s); first after SIGCONT:"
        f" {', '.join(f'{p} {r.status} in {r.done - r.sent:.1f}s' for p, r in first_back.items())};"
        f" {len(settled)} sent from 3s after it, {sum(r.status != 200 for r in settled)} failed"
    )
    for words, reply in replies.items():
        status = reply["response"].status if "response" in reply else reply.get("error")
        print(f"reply sent during the hang ({'crisis words' if words == CRISIS_WORDS else 'plain'}):"
              f" {status} in {reply.get('seconds', 0):.1f}s")  # fmt: skip

    # Never a dropped connection, a 500 or a 502: every answer is the app's, and no worker was killed.
    assert not [r for r in results if r.status == 0 or (r.status >= 500 and r.status != 503)]
    assert "WORKER TIMEOUT" not in node.output(), node.output()
    assert node.process.poll() is None
    assert before and all(r.status == 200 for r in before)
    # During the hang: within the bounds (plus a little queueing behind other waits on 3 workers), far below
    # gunicorn's --timeout; the 503 page with Retry-After and the safety notice, or a page from the cache.
    assert during and slowest < BOUND + 6 < harness.README_TIMEOUT
    assert all(r.status == 200 or (r.status == 503 and r.retry_after) for r in during)
    assert [r for r in during if r.path == UNCACHED]
    assert all(r.status == 503 for r in during if r.path in (UNCACHED, "/healthz"))
    assert all(r.notice for r in during if r.path != "/healthz")
    # A reply sent during the hang: the "not saved" page, its words kept, the crisis lines for crisis words.
    for words, reply in replies.items():
        response = reply.get("response")
        assert response is not None, reply
        assert response.status == 503 and response.headers.get("retry-after"), response.status
        assert reply["seconds"] < BOUND + 6
        assert "Your reply was not saved" in response.body
        assert words in unescape(response.body)
        assert ('id="crisis-title"' in response.body) is (words == CRISIS_WORDS)
        assert stored(cluster, database, words) == 0
    # After SIGCONT: the same processes serve every page again, and the page the writer was left with
    # sends the reply.
    assert settled and all(r.status == 200 for r in settled)
    again = harness.hidden_inputs(replies[WORDS]["response"].body)
    assert set(again) == {"csrfmiddlewaretoken", "ts"}
    assert writers[WORDS].post(REPLY, {**again, **WRITER, "body": WORDS}).status == 303
    assert stored(cluster, database, WORDS) == 1
