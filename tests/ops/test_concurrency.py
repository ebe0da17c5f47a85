"""200 replies from 20 concurrent readers, each from its own address: no 5xx, nothing lost, nothing doubled."""

import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from tests.ops import harness

ARTICLE = "/articles/kratom-and-depression/"
CLIENTS, POSTS_EACH = 20, 10


def reader(port: int, number: int) -> list[int]:
    client = harness.Client(port, source=f"127.0.0.{number + 2}")
    # One form per reply (a signed form is good for one comment), all fetched first.
    forms = [harness.hidden_inputs(client.get(f"{ARTICLE}reply/").body) for _ in range(POSTS_EACH)]
    time.sleep(3.2)  # the form refuses answers sent back within COMMENTS_MIN_SECONDS (a bot's speed)
    statuses = []
    for post, form in enumerate(forms):
        data = {**form, "name": f"Reader {number}", "email": f"load-{number}@example.org"}
        data["body"] = f"Load test reply {post} from reader {number}: thank you for the sources."
        statuses.append(client.post(f"{ARTICLE}reply/", data).status)
    return statuses


def test_concurrent_replies_are_all_accounted_for(site, nodes):
    (node,) = nodes(site, workers=3)
    with ThreadPoolExecutor(CLIENTS) as pool:
        statuses = [s for per_reader in pool.map(reader, [node.port] * CLIENTS, range(CLIENTS)) for s in per_reader]

    counts = Counter(statuses)
    stored, distinct = map(
        int,
        harness.psql(
            "SELECT count(*), count(DISTINCT body) FROM comments_comment WHERE email LIKE 'load-%'",
            database=site["DATABASE_URL"].rsplit("/", 1)[1],
        ).split("|"),
    )
    print(f"\nreplies sent {len(statuses)}, accepted (303) {counts[303]}, refused (429) {counts[429]}, stored {stored}")
    assert len(statuses) == CLIENTS * POSTS_EACH
    assert not [s for s in statuses if s >= 500], counts
    assert set(counts) <= {303, 429}, counts
    assert stored == counts[303] == distinct  # every accepted reply stored once, no refused one stored
    # The rate limit (5 per address and e-mail in 10 minutes) held under concurrency, exactly.
    assert counts[303] == CLIENTS * 5
