"""The WordPress import at scale: posts per second, peak memory, and a resume after SIGTERM.

    .venv/bin/python bench/import_wxr.py                      # 20,000 posts and 100,000 comments
    .venv/bin/python bench/import_wxr.py --posts 2000 --comments 10000

A generated export (bench/wxr_export.py) goes into a throwaway PostgreSQL database (a SQLite file when
PostgreSQL does not answer on 127.0.0.1:5432), through `manage.py import_wxr` as an operator runs it, its
output a pipe (progress lines). Measured: the whole command's wall time and posts per second (start-up and
the file check included), its peak resident memory (the process's own, from wait4), and a second import
into a fresh database, stopped by SIGTERM halfway and run again to the end: every GUID and comment must be
imported exactly once, and the result must match the uninterrupted import.
"""

import argparse
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.wxr_export import write as write_export  # noqa: E402 - after the path is set
from tests.ops import harness  # noqa: E402

COUNTS = """
import json
from django.db.models import Count
from articles.models import Article
from comments.models import Comment
from editorial.models import Page
from redirects.models import Redirect
from wordpress.models import ImportedItem
keys = ImportedItem.objects.values("key").annotate(n=Count("id"))
print(json.dumps({
    "articles": Article.objects.count(), "pages": Page.objects.count(), "comments": Comment.objects.count(),
    "replies": Comment.objects.filter(parent__isnull=False).count(),
    "urgent": Comment.objects.filter(is_urgent=True).count(), "redirects": Redirect.objects.count(),
    "imported items": ImportedItem.objects.count(), "keys imported twice": keys.filter(n__gt=1).count(),
}))
"""
PROGRESS = re.compile(r"^Progress: (\d+)/(\d+) items")


@contextlib.contextmanager
def database(prefix: str):
    if harness.postgres_available():
        with harness.throwaway_database(prefix=prefix) as url:
            yield url, "PostgreSQL"
    else:
        with tempfile.TemporaryDirectory() as directory:
            yield f"sqlite:///{directory}/import.sqlite3", "SQLite"


def environment(url: str) -> dict[str, str]:
    """Production settings on `url`, without Redis (the import's cache writes stay in the process)."""
    env = harness.production_env(DATABASE_URL=url, REDIS_URL="", DJANGO_SINGLE_PROCESS="1")
    harness.manage("migrate", "--no-input", env=env)
    return env


def run_import(env: dict[str, str], path: Path, *args: str, stop_at: float | None = None) -> dict:
    """`manage.py import_wxr` as a child process; with `stop_at` (a share of the items), SIGTERM it once a
    progress line says that much is done. Its exit status, output, wall time and peak RSS."""
    command = [sys.executable, "manage.py", "import_wxr", str(path), *args]
    started = time.monotonic()
    process = subprocess.Popen(  # noqa: S603 - our own command
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )
    lines, signalled = [], False
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        match = PROGRESS.match(line)
        if match and stop_at is not None and not signalled and int(match[1]) >= stop_at * int(match[2]):
            process.send_signal(signal.SIGTERM)
            signalled = True
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "status": process.returncode,
        "seconds": time.monotonic() - started,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "output": lines,
    }


def counts(env: dict[str, str]) -> dict:
    return json.loads(harness.manage("shell", "-c", COUNTS, env=env).strip().splitlines()[-1])


def summary_line(result: dict) -> str:
    return next((line for line in reversed(result["output"]) if line.startswith(("Imported", "Stopped"))), "")


def main() -> int:
    parser = argparse.ArgumentParser(description="The WordPress import at scale (see the module's docstring).")
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--comments", type=int, default=100000)
    parser.add_argument("--no-resume", action="store_true", help="Skip the SIGTERM and resume test.")
    parser.add_argument("--json", help="Also write the results to this file.")
    arguments = parser.parse_args()
    results = measure(arguments.posts, arguments.comments, resume=not arguments.no_resume)
    print(report(results))
    if arguments.json:
        Path(arguments.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0 if results["ok"] else 1


def measure(posts: int, comments: int, *, resume: bool = True) -> dict:
    """Generate, import, and (with `resume`) import again with a SIGTERM halfway; the figures and checks."""
    with tempfile.TemporaryDirectory(prefix="kratom-wxr-") as directory:
        path = Path(directory) / "export.xml"
        made = write_export(path, posts=posts, comments=comments)
        results = {"file": {**made, "megabytes": round(path.stat().st_size / 1e6, 1)}}
        with database("kratom_import_bench") as (url, engine):
            env = environment(url)
            clean = run_import(env, path)
            results.update(database=engine, clean=_figures(clean, posts), clean_counts=counts(env))
        if resume:
            with database("kratom_import_resume") as (url, _):
                env = environment(url)
                every = str(max(100, posts // 20))  # progress lines often enough to stop it near halfway
                stopped = run_import(env, path, "--progress-every", every, stop_at=0.5)
                after_stop = counts(env)
                resumed = run_import(env, path)
                results.update(
                    stopped=_figures(stopped, posts), after_stop=after_stop,
                    resumed=_figures(resumed, posts), resumed_counts=counts(env),
                )  # fmt: skip
    results["ok"] = _check(results)
    return results


def _figures(result: dict, posts: int) -> dict:
    last = [line for line in result["output"] if PROGRESS.match(line)]
    return {
        "status": result["status"],
        "seconds": round(result["seconds"], 1),
        "posts_per_second": round(posts / result["seconds"], 1),
        "peak_rss_mb": round(result["peak_rss_mb"], 1),
        "progress_lines": len(last),
        "summary": summary_line(result),
    }


def _check(results: dict) -> bool:
    problems = []
    if results["clean"]["status"] != 0:
        problems.append("the import failed")
    if results["clean_counts"]["keys imported twice"]:
        problems.append("a key was imported twice")
    if "stopped" in results:
        if (
            results["stopped"]["status"] != 128 + signal.SIGTERM
            or "Stopped by SIGTERM" not in results["stopped"]["summary"]
        ):
            problems.append("the SIGTERM did not stop the import after a batch")
        if not 0 < results["after_stop"]["imported items"] < results["clean_counts"]["imported items"]:
            problems.append("the stopped import kept nothing, or everything")
        if results["resumed"]["status"] != 0 or results["resumed_counts"] != results["clean_counts"]:
            problems.append("the resumed import differs from the uninterrupted one")
    results["problems"] = problems
    return not problems


def report(results: dict) -> str:
    file, clean = results["file"], results["clean"]
    lines = [
        f"{file['posts']} posts, {file['pages']} pages, {file['attachments']} attachments, {file['comments']} "
        f"comments: {file['megabytes']} MB of WXR, into {results['database']}",
        f"import:  {clean['seconds']} s, {clean['posts_per_second']} posts/s, peak RSS {clean['peak_rss_mb']} MB, "
        f"{clean['progress_lines']} progress lines",
        f"         {clean['summary']}",
        f"result:  {json.dumps(results['clean_counts'])}",
    ]
    if "stopped" in results:
        stopped, resumed = results["stopped"], results["resumed"]
        kept, whole = results["after_stop"]["imported items"], results["clean_counts"]["imported items"]
        lines += [
            f"SIGTERM: exit {stopped['status']} after {stopped['seconds']} s; kept {kept} of {whole} imported items",
            f"         {stopped['summary']}",
            f"resumed: {resumed['seconds']} s, peak RSS {resumed['peak_rss_mb']} MB",
            f"         {resumed['summary']}",
            f"result:  {json.dumps(results['resumed_counts'])}",
        ]
    lines.append("OK: each item exactly once" if results["ok"] else f"FAILED: {'; '.join(results['problems'])}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
