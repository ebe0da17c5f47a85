"""`import_wxr` at scale: the file streamed, batches that commit whole, a stopped run that resumes and
creates each item exactly once, progress lines for logs, and bulk writes that leave what save() leaves."""

import io
import os
import signal
import tracemalloc

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Topic
from bench.wxr_export import write as write_export
from comments.models import Comment
from editorial.markdown import render
from editorial.models import Citation, Contributor, Page
from redirects.models import Redirect
from tests import factories
from tests.wordpress.test_import_wxr import comment, export, item, run
from wordpress import importer, wxr
from wordpress.models import ImportedItem
from wordpress.posts import IMPORTED_STATUSES

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(tmp_path):
    path = tmp_path / "generated.xml"
    write_export(path, posts=40, comments=200, seed=7)
    return path


def expected_keys(path) -> set[str]:
    """Every key an import of the whole file makes: posts and pages by GUID, importable comments."""
    export_ = wxr.read(path)
    keys = set()
    for post in export_.posts:
        if post.post_type in ("post", "page") and post.status in IMPORTED_STATUSES:
            keys.add(post.guid)
            if post.post_type == "post":
                keys |= {
                    f"{export_.site_url}#comment-{reader.comment_id}"
                    for reader in post.comments
                    if reader.kind in ("", "comment") and reader.state in ("0", "1")
                }
    return keys


def assert_each_once(path) -> None:
    keys = list(ImportedItem.objects.values_list("key", flat=True))
    assert len(keys) == len(set(keys)) and set(keys) == expected_keys(path)
    assert Article.objects.count() + Page.objects.count() == ImportedItem.objects.exclude(kind="comment").count()
    assert Comment.objects.count() == ImportedItem.objects.filter(kind="comment").count()


def test_a_run_stopped_between_batches_resumes_and_creates_each_item_once(generated):
    calls = []

    def stop_after_two_batches() -> str:
        calls.append(1)
        return "SIGTERM" if len(calls) == 2 else ""

    report = importer.import_export(wxr.read(generated), batch_size=7, should_stop=stop_after_two_batches)
    assert report.stopped == "SIGTERM" and report.done == 14 and report.counts["read"] == 14
    first = set(ImportedItem.objects.values_list("key", flat=True))
    assert 0 < len(first) < len(expected_keys(generated))
    output = run(generated, "--batch-size", "7")
    assert "0 conflict" in output and " 0 updated" in output
    assert_each_once(generated)
    assert "0 created" in run(generated)  # and a third run finds everything


def test_a_batch_that_fails_is_rolled_back_whole_and_the_next_run_completes_it(generated, monkeypatch):
    real = importer.import_comments
    calls = []

    def fail_in_the_third_batch(*args, **kwargs):
        calls.append(1)
        real(*args, **kwargs)  # the batch's posts and comments are written ...
        if len(calls) == 3:
            raise RuntimeError("the machine went away")  # ... and then lost, as with SIGKILL or a crash

    monkeypatch.setattr(importer, "import_comments", fail_in_the_third_batch)
    with pytest.raises(RuntimeError):
        run(generated, "--batch-size", "5")
    posts_kept = ImportedItem.objects.exclude(kind="comment").count()
    assert 0 < posts_kept <= 10  # two batches of five items, less attachments: whole batches only
    assert Comment.objects.count() == ImportedItem.objects.filter(kind="comment").count()
    monkeypatch.setattr(importer, "import_comments", real)
    run(generated, "--batch-size", "5")
    assert_each_once(generated)


def test_sigterm_finishes_the_batch_then_stops_and_a_second_one_rolls_back_at_once(generated, monkeypatch):
    real, handler = importer._import_batch, signal.getsignal(signal.SIGTERM)
    plan, calls = {2: 1}, []  # batch number: SIGTERMs received while it runs

    def terminated(*args):
        calls.append(1)
        notes = real(*args)
        for _ in range(plan.get(len(calls), 0)):
            os.kill(os.getpid(), signal.SIGTERM)
        return notes

    monkeypatch.setattr(importer, "_import_batch", terminated)
    out = io.StringIO()
    with pytest.raises(CommandError, match="Stopped by SIGTERM before the end") as stopped:
        call_command("import_wxr", str(generated), "--batch-size", "4", stdout=out)
    assert stopped.value.returncode == 128 + signal.SIGTERM
    assert "Stopped by SIGTERM after 8 of" in out.getvalue() and "run the same command to continue" in out.getvalue()
    after_first = ImportedItem.objects.count()
    plan, calls[:] = {4: 2}, []  # batches 1 and 2 are found imported, 3 is new, and 4 is cut short
    with pytest.raises(CommandError, match="second SIGTERM: the batch in progress was rolled back") as rolled:
        call_command("import_wxr", str(generated), "--batch-size", "4", stdout=io.StringIO())
    assert rolled.value.returncode == 128 + signal.SIGTERM
    keys = set(ImportedItem.objects.values_list("key", flat=True))
    batch_three = {post.guid for post in list(wxr.read(generated).posts)[8:12]}
    assert after_first < len(keys) < len(expected_keys(generated)) and not batch_three - keys - {""}
    assert signal.getsignal(signal.SIGTERM) == handler  # put back
    monkeypatch.setattr(importer, "_import_batch", real)
    run(generated)
    assert_each_once(generated)


def test_progress_lines_every_n_items_when_the_output_is_not_a_terminal(generated):
    output = run(generated, "--batch-size", "4", "--progress-every", "12")
    lines = [line for line in output.splitlines() if line.startswith("Progress:")]
    total = wxr.read(generated).count
    assert [line.split()[1] for line in lines] == [f"{n}/{total}" for n in range(12, total, 12)]
    assert all("items/s;" in line and " created, " in line for line in lines)
    assert "\r" not in output


def test_a_terminal_gets_one_line_rewritten(generated):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    out = Terminal()
    call_command("import_wxr", str(generated), "--batch-size", "10", stdout=out)
    assert out.getvalue().count("\rProgress: ") == -(-wxr.read(generated).count // 10)


def test_the_file_is_streamed_not_held(tmp_path):
    path = tmp_path / "big.xml"
    write_export(path, posts=400, comments=2000)  # 3 MB: a whole-tree parse holds over 13 MB of it
    tracemalloc.start()
    try:
        export_ = wxr.read(path)
        count = sum(1 for _ in export_.posts)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == export_.count == 428 and peak < 2_000_000


def no_id(obj, text) -> str:
    return str(text).replace(obj.id_prefix, "<id>-")


def snapshot() -> dict:
    """What an import left, without ids."""
    keys = {(item.kind, item.object_id): item.key for item in ImportedItem.objects.all()}
    return {
        "articles": sorted(
            (a.slug, a.title, a.summary, a.body, no_id(a, a.body_html), no_id(a, a.body_toc), a.reading_time,
             a.author.name, tuple(sorted(t.slug for t in a.topics.all())), tuple(a.history.values_list("history_type")))
            for a in Article.objects.all()
        ),
        "pages": sorted((p.slug, p.title, no_id(p, p.body_html), p.author.name) for p in Page.objects.all()),
        "comments": sorted(
            (keys[("comment", c.pk)], c.article.slug, c.name, c.email_key, c.body, c.status, tuple(c.hold_reasons),
             c.is_urgent, c.ip_hash, c.created_at.isoformat() if c.created_at.year < 2020 else "now",
             keys.get(("comment", c.parent_id)))
            for c in Comment.objects.all()
        ),
        "redirects": sorted(Redirect.objects.values_list("old_path", "new_path")),
        "items": sorted(ImportedItem.objects.values_list("key", "kind", "source_hash", "original_id", "original_url")),
        "topics": sorted(Topic.objects.values_list("slug", "name", "kind")),
    }  # fmt: skip


def test_small_batches_leave_exactly_what_one_batch_leaves(generated):
    one = run(generated, "--batch-size", "1000")
    whole = snapshot()
    for model in (Comment, Article, Page, Redirect, ImportedItem, Topic, Contributor):
        model.objects.all().delete()
    small = run(generated, "--batch-size", "3")
    assert snapshot() == whole
    assert [line for line in one.splitlines() if not line.startswith("Progress")] == [
        line for line in small.splitlines() if not line.startswith("Progress")
    ]


def test_bulk_writes_leave_what_save_leaves(tmp_path):
    factories.SourceFactory(key="who-2021")
    body = "<h2>Intro</h2>As the WHO says [@who-2021].\n\n<h2>More</h2>Text.\n\n<h3>Less</h3>Text."
    terms = [("category", "mood", "Mood"), ("post_tag", "sleep", "Sleep")]
    thread = comment(1, "<p>Thanks!</p>") + comment(2, "Same.", parent=1, author="Dr. Who")
    path = export(tmp_path, item(5, "Cited", body, terms=terms, comments=thread), item(6, "Plain", "Text."))
    run(path)
    cited, plain = Article.objects.get(title="Cited"), Article.objects.get(title="Plain")
    for article in (cited, plain):
        rendered = render(article.body, id_prefix=article.id_prefix)
        assert (article.body_html, article.body_toc) == (rendered.html, rendered.toc)
        assert article.body_html and 'id="article-' in cited.body_html
    assert [(c.position, c.source.key) for c in Citation.objects.filter(object_id=cited.pk)] == [(1, "who-2021")]
    history = list(cited.history.order_by("history_id"))
    assert [h.history_type for h in history] == ["+", "~"]  # created, then its topics set: as one by one
    assert [sorted(h.topics.values_list("topic__slug", flat=True)) for h in history] == [[], ["mood", "sleep"]]
    assert [h.history_type for h in plain.history.all()] == ["+"] and plain.history.get().history_user is None
    for reply in Comment.objects.all():
        before = {f.attname: getattr(reply, f.attname) for f in Comment._meta.concrete_fields}
        reply.save()  # Comment.save() computes what it owns (the address key): nothing may change
        assert {f.attname: getattr(reply, f.attname) for f in Comment._meta.concrete_fields} == before


def test_a_guid_or_comment_met_twice_in_one_batch_is_taken_as_one_by_one_would(tmp_path):
    first = item(7, "Twice", "Old text.", comments=comment(1, "Hello."))
    again = item(7, "Twice", "New text.", comments=comment(1, "Hello.") + comment(2, "Reply.", parent=1))
    other = item(8, "Other", "Text.", comments=comment(1, "Hello."))  # the same comment ID on another post
    output = run(export(tmp_path, first, again, other), "-v", "2")
    assert "1 updated" in output and Article.objects.get(title="Twice").body == "New text.\n"
    assert "unchanged: comment 1 on post 7" in output and "unchanged: comment 1 on post 8" in output
    assert Comment.objects.count() == 2 and ImportedItem.objects.filter(kind="comment").count() == 2
    assert Comment.objects.get(body="Reply.").parent == Comment.objects.get(body="Hello.")


def test_a_dry_run_writes_no_content_version(generated, monkeypatch):
    """Found by review: a dry run is one transaction, and its first batch locked the version's row (which
    every public write updates) until the whole export had been read."""
    from editorial import content_version

    order = []
    real_write, real_batch = content_version._write, importer._import_batch
    monkeypatch.setattr(content_version, "_write", lambda **only_if: order.append("version") or real_write(**only_if))
    monkeypatch.setattr(importer, "_import_batch", lambda *args: order.append("batch") or real_batch(*args))
    call_command("import_wxr", str(generated), "--dry-run", "--batch-size", "10", stdout=io.StringIO())
    assert order.count("batch") >= 4 and order.count("version") == 0
    assert not ImportedItem.objects.exists()
