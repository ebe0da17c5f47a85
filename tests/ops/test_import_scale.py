"""The WordPress import at CI size (bench/import_wxr.py; the full 20,000 posts run by hand, see the README):
2,000 posts and 10,000 comments on PostgreSQL, through `manage.py import_wxr` as an operator runs it.

It must keep up its rate and bounded memory, log progress lines to a pipe, and, stopped by SIGTERM
halfway, keep whole batches and finish on the next run with each item imported exactly once.
"""

import os

from bench.import_wxr import measure, report

MIN_POSTS_PER_SECOND = float(os.environ.get("IMPORT_MIN_POSTS_PER_SECOND", "50"))
MAX_PEAK_RSS_MB = 200


def test_a_large_import_is_fast_bounded_logged_and_resumes_exactly_once(postgres):
    results = measure(posts=2000, comments=10000)
    print(report(results))
    assert results["ok"], results["problems"]
    clean = results["clean"]
    assert clean["posts_per_second"] >= MIN_POSTS_PER_SECOND, clean
    assert max(clean["peak_rss_mb"], results["resumed"]["peak_rss_mb"]) < MAX_PEAK_RSS_MB
    assert clean["progress_lines"] >= 2  # a line every 1,000 items, though the output is a pipe
    assert results["clean_counts"]["keys imported twice"] == 0
    assert results["clean_counts"]["urgent"] > 0  # the crisis rules ran on the imported comments
    assert 0 < results["after_stop"]["imported items"] < results["clean_counts"]["imported items"]
    assert results["resumed_counts"] == results["clean_counts"]
