"""`make bench`: requests per second, p50 and p99 of each page against a bare view, on a production node.

One gunicorn node of the production settings (PostgreSQL when it answers on 127.0.0.1:5432, else a
SQLite file; Redis from REDIS_URL when set), the demo content plus 200 approved comments on the main
article and 100 more articles. Load comes from wrk when installed, else from the Python generator
below. Each page's ratio is its requests per second over the bare view's, measured in the same run.
Results go to bench/results.json.
"""

import contextlib
import http.client
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.ops import harness  # noqa: E402 - after the path is set

DURATION = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
MAIN = "/articles/kratom-and-depression/"
# name, path, target ratio to the bare view (None: measured, no target)
PAGES = [
    ("bare view", "/bench/bare/", None),
    ("home (cached)", "/", 0.7),
    ("article list (cached)", "/articles/", 0.7),
    ("main article, 200 comments (cached)", MAIN, 0.7),
    ("main article, 200 comments (uncached)", f"{MAIN}?uncached=1", 0.25),  # a parameter the cache skips
    ("FAQ (cached)", "/faq/", 0.7),
    ("strains (cached)", "/strains/", 0.7),
    ("risks (cached)", "/risks/", 0.7),
    ("search", "/search/?q=kratom+depression", 0.15),
]
DATA = """
from datetime import timedelta
from django.utils import timezone
from articles.models import Article
from comments.models import Comment, CommentStatus
main = Article.objects.get(slug="kratom-and-depression")
Comment.objects.bulk_create([
    Comment(article=main, name=f"Reader {n}", email=f"bench{n}@example.org", status=CommentStatus.APPROVED,
            body=f"Bench reply {n}: thank you, the sources section was the part I needed.")
    for n in range(200)
])
for n in range(100):
    main.pk, main.id, main.slug, main.title = None, None, f"bench-article-{n}", f"Bench article {n}"
    main.is_featured = False
    main.published_at = timezone.now() - timedelta(days=1, minutes=n)
    main.save()
print("ok")
"""


def wrk(port: int, path: str) -> dict:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "-s", str(ROOT / "bench" / "report.lua")]
    result = subprocess.run(  # noqa: S603 - wrk with our own arguments
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, timeout=DURATION + 60
    )
    line = next((line for line in result.stdout.splitlines() if line.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no result for {path}:\n{result.stdout}\n{result.stderr}")
    requests, duration_us, p50_us, p99_us, errors = map(int, line.split()[1:])
    return {"rps": requests / (duration_us / 1e6), "p50_ms": p50_us / 1000, "p99_ms": p99_us / 1000, "errors": errors}


def python_load(port: int, path: str) -> dict:
    """A small load generator for machines without wrk: CONNECTIONS threads, one request at a time each."""
    latencies: list[float] = []
    errors = [0]
    deadline = time.monotonic() + DURATION

    def worker():
        while time.monotonic() < deadline:
            started = time.monotonic()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request("GET", path, headers={"X-Forwarded-Proto": "https", "Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    errors[0] += 1
            except OSError:
                errors[0] += 1
            finally:
                connection.close()
            latencies.append(time.monotonic() - started)

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000

    return {"rps": len(latencies) / elapsed, "p50_ms": percentile(0.5), "p99_ms": percentile(0.99), "errors": errors[0]}


@contextlib.contextmanager
def database():
    if harness.postgres_available():
        with harness.throwaway_database(prefix="kratom_bench") as url:
            yield url, "PostgreSQL"
    else:
        with tempfile.TemporaryDirectory() as directory:
            yield f"sqlite:///{directory}/bench.sqlite3", "SQLite"


def commit() -> str:
    """The commit measured, marked "+changes" when the tree differs from it; "unknown" outside a git checkout."""
    git = shutil.which("git")

    def run(*args: str) -> str:
        return subprocess.run([git, *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()  # noqa: S603

    if git is None:
        return "unknown"
    try:
        head, dirty = run("rev-parse", "--short", "HEAD"), run("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+changes" if dirty else "")


def main() -> int:
    measured_at = datetime.now(UTC).isoformat(timespec="seconds")
    load = wrk if shutil.which("wrk") else python_load
    redis = os.environ.get("REDIS_URL", "")
    with database() as (url, engine):
        overrides = {"DJANGO_SETTINGS_MODULE": "bench.settings", "REDIS_URL": redis}
        if not redis:
            overrides["DJANGO_SINGLE_PROCESS"] = "1"  # one node, and no shared cache to use
        print(f"Preparing {engine} with the demo content, 200 comments and 100 more articles ...", flush=True)
        env = harness.prepared_site(url, **overrides)
        harness.manage("shell", "-c", DATA, env=env)
        if redis:
            harness.flush_redis(redis)
        workers = os.cpu_count() or 2
        node = harness.Node(env, workers=workers, name="bench").start()
        try:
            for _, path, _ in PAGES:  # every page answers, and the cached ones are in the cache
                status = node.client().get(path).status
                if status != 200:
                    raise SystemExit(f"{path} answered {status}:\n{node.output()}")
            results = {name: {"path": path, "target": target, **load(node.port, path)} for name, path, target in PAGES}
        finally:
            node.stop()
    bare = results["bare view"]["rps"]
    for row in results.values():
        row["ratio"] = row["rps"] / bare
        row["met"] = None if row["target"] is None else row["ratio"] >= row["target"]
    summary = {
        "measured at": measured_at,
        "commit": commit(),
        "machine": f"{platform.node()}, {os.cpu_count()} cores, {platform.platform()}",
        "load generator": "wrk" if load is wrk else "python",
        "database": engine,
        "cache": "Redis" if redis else "process-local",
        "workers": workers,
        "connections": CONNECTIONS,
        "seconds per page": DURATION,
        "pages": results,
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(table(summary))
    return 0


def table(summary: dict) -> str:
    lines = [
        f"{summary['measured at']}, commit {summary['commit']}, {summary['machine']}",
        f"{summary['load generator']}, {summary['database']}, {summary['cache']} cache, "
        f"{summary['workers']} workers, {summary['connections']} connections, {summary['seconds per page']} s each",
        f"{'page':<40} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6} {'target':>7}  errors",
    ]
    for name, row in summary["pages"].items():
        target = "" if row["target"] is None else f">={row['target']:.2f} {'met' if row['met'] else 'MISSED'}"
        lines.append(
            f"{name:<40} {row['rps']:>8.0f} {row['p50_ms']:>8.1f} {row['p99_ms']:>8.1f} {row['ratio']:>6.2f}"
            f" {target:>7}  {row['errors']}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
