"""`import_wxr` given an export written by an attacker: it takes no address that is live here or that an
editor redirected, and comments arrive as the plain text a reader's reply must be."""

import pytest

from comments.forms import plain_text
from comments.models import Comment, CommentStatus
from redirects.models import Redirect
from tests import factories
from tests.wordpress.test_import_wxr import comment, export, item, run

pytestmark = pytest.mark.django_db


def test_an_editors_redirect_for_the_same_old_path_is_left_and_reported(tmp_path):
    Redirect.objects.create(old_path="/2019/05/old-post/", new_path="/about/")  # made by hand in the admin
    old = item(101, "Old post", "Text.", slug="old-post", link="https://blog.example/2019/05/old-post/")
    mine = item(102, "Other post", "Text.", slug="other", link="https://blog.example/2019/06/other/")
    output = run(export(tmp_path, old, mine))
    editors = Redirect.objects.get(old_path="/2019/05/old-post/")
    assert (editors.new_path, editors.content_type) == ("/about/", None)  # today: re-pointed at the draft
    assert "1 conflict" in output and "/2019/05/old-post/ already redirects to /about/" in output
    assert Redirect.objects.get(old_path="/2019/06/other/").new_path == "/articles/other/"
    again = run(export(tmp_path, old, mine, name="again.xml"))
    assert "1 conflict" in again  # the import's own redirect is no conflict the second time; the editor's still is


def test_no_redirect_is_made_from_an_address_that_is_live_here(tmp_path, settings):
    factories.ArticleFactory(published=True, slug="live-article")
    factories.PageFactory(published=True, slug="about")
    live = [
        "/faq/", "/faq", "/get-help/", f"/{settings.ADMIN_URL}", f"/{settings.ADMIN_URL}login/", "/articles/",
        "/articles/live-article/", "/about/", "/feeds/articles.rss", "/media/uploads/x.png", "/sitemap.xml",
    ]  # fmt: skip
    posts = [item(110 + n, f"Post {n}", "Text.", link=f"https://blog.example{path}") for n, path in enumerate(live)]
    posts.append(item(130, "Gone post", "Text.", slug="gone", link="https://blog.example/my-old-post/"))
    posts.append(item(131, "Café", "Text.", slug="cafe", link="https://blog.example/caf%C3%A9/"))  # as readers ask
    posts.append(item(132, "NUL", "Text.", slug="nul", link="https://blog.example/a%00b/"))  # PostgreSQL refuses NUL
    output = run(export(tmp_path, *posts))
    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/café/", "/my-old-post/"]  # nothing there
    assert "old address '/a\\x00b/': not a path a redirect can hold" in output
    for path in live:
        assert f"old address {path} is a live address here; no redirect" in output, path


HOSTILE = (
    "<p>Great post &lt;3 &amp; thanks</p><script>alert(1)</script><b>bold</b> &lt;img src=x onerror=alert(1)&gt;"
    "<p>zero\u200bwidth \u202eevil\u009b end</p>"
)


def test_imported_comments_pass_the_reply_forms_plain_text_rule_and_the_changes_are_reported(tmp_path):
    thread = comment(11, HOSTILE, author="<i>Eve</i>\u202e") + comment(12, "<p>Fine &amp; plain.</p>")
    output = run(export(tmp_path, item(140, "Hostile", "Text.", comments=thread)))
    hostile, fine = Comment.objects.order_by("pk")
    for text in (hostile.body, hostile.name, fine.body):
        plain_text(text)  # today: "<3", "<img ...>" and the hidden characters were stored as they were
    assert hostile.name == "Eve"
    assert hostile.body.startswith("Great post \u20393 & thanks\n\nbold \u2039img src=x onerror=alert(1)\u203a")
    assert hostile.body.endswith("zerowidth evil end") and "<script" not in hostile.body
    assert hostile.status == CommentStatus.PENDING and fine.status == CommentStatus.PENDING
    assert fine.body == "Fine & plain."
    note = next(line for line in output.splitlines() if "comment 11 on post 140" in line and "cleaned" in line)
    assert "HTML removed" in note and "< and > replaced" in note and "3 hidden or control characters removed" in note
    assert "name" in note
    assert any("cleaned" in reason for reason in hostile.hold_reasons)  # the moderator sees it too
    assert "comment 12 on post 140" not in output  # paragraphs and entities are converted without a word
