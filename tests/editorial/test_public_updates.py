"""No `.update()` on rows readers see goes past the content version unnoticed (tests/editorial/update_scan.py
says what counts, what passes, and what the scan cannot see)."""

import re

from .update_scan import QUIET_FIELDS, ROOT, UNKNOWN, project_files, scan


def test_every_update_of_public_rows_starts_a_new_version_or_says_why_not():
    calls = [call for path in project_files() for call in scan(str(path.relative_to(ROOT)), path.read_text())]
    unexplained = [str(call) for call in calls if not call.verdict]
    assert not unexplained, (
        "These write rows readers see with no signal, so cached pages and search keep the old rows. Call "
        "content_changed() in the same function, or add `# bumps: <where, or why not>` to the line:\n"
        + "\n".join(unexplained)
    )
    assert calls  # the scan sees the calls it should (comments.moderation's conditional updates, at least)


SAMPLE = """
from articles.models import Article

def plain(pk):
    Article.objects.filter(pk=pk).update(title="x")

def through_a_name(pk):
    rows = Article.objects.filter(pk=pk).exclude(status="draft")
    rows.update(title="x")

def unknown_model(model):
    model._base_manager.all().bulk_update([], ["title"])

def related_manager(topic):
    topic.articles.filter(status="draft").update(title="x")

def bumped(pk):
    Article.objects.filter(pk=pk).update(title="x")
    content_changed()

def marked(pk):
    Article.objects.filter(pk=pk).update(  # bumps: the caller does, once for all rows
        title="x"
    )

def _private(pk):
    Article.objects.filter(pk=pk).update(title="x")

def caller(pk):
    _private(pk)
    content_version_bump()

def quiet(pk):
    Contributor.objects.filter(pk=pk).update(review_reminder_sent_at=None)

def helper(rows):
    update_rows(Comment, rows, ["parent"])
    update_rows(Comment, rows, ["alerted_at"])

def not_public(pk, context):
    Revision.objects.filter(pk=pk).update(note="x")
    context.update(title="x")
    {}.update(a=1)

class Article(Publishable):
    def derived(self):
        type(self)._base_manager.filter(pk=self.pk).update(body_html="")
"""


def test_the_scan_finds_what_it_should_and_nothing_else():
    found = {(call.function, call.model, bool(call.verdict)) for call in scan("sample.py", SAMPLE)}
    assert found == {
        ("plain", "articles.Article", False),
        ("through_a_name", "articles.Article", False),
        ("unknown_model", UNKNOWN, False),
        ("related_manager", "articles.Article", False),
        ("bumped", "articles.Article", True),
        ("marked", "articles.Article", True),
        ("quiet", "editorial.Contributor", True),
        ("helper", "comments.Comment", False),
        ("helper", "comments.Comment", True),
        ("derived", "articles.Article", False),
        ("_private", "articles.Article", True),
    }


def test_quiet_fields_are_on_no_public_template():
    pages = (path for path in (ROOT / "templates").rglob("*.html") if "admin" not in path.parts)
    text = "\n".join(path.read_text() for path in pages)
    for fields in QUIET_FIELDS.values():
        for field in fields:
            assert not re.search(rf"\b{field}\b", text), f"{field} is shown on a page: it is not quiet"
