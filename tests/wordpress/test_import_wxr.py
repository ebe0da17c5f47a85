"""`import_wxr`: posts from a WordPress export become draft articles, safely and repeatably."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Topic
from comments.models import Comment, CommentStatus
from editorial.models import Contributor, Page, Status
from editorial.net import ip_hash
from tests import factories
from wordpress.models import ImportedItem

pytestmark = pytest.mark.django_db

HEAD = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/{v}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/{v}/">
<channel>
  <title>A test blog</title>
  <link>https://blog.example</link>
  <wp:wxr_version>{v}</wp:wxr_version>
  <wp:author><wp:author_login>maria</wp:author_login>
    <wp:author_display_name>Maria Writer</wp:author_display_name></wp:author>
"""
TAIL = "</channel>\n</rss>\n"


def item(post_id, title, content, *, post_type="post", status="publish", slug=None, terms=(), excerpt="", **extra):
    comments, link = extra.get("comments", ""), extra.get("link", "")
    upload = "https://blog.example/wp-content/uploads/photo.jpg" if post_type == "attachment" else ""
    categories = "".join(
        f'<category domain="{domain}" nicename="{nice}"><![CDATA[{name}]]></category>' for domain, nice, name in terms
    )
    return f"""<item>
  <title>{title}</title>
  <link>{link or f"https://blog.example/?p={post_id}"}</link>
  <guid isPermaLink="false">https://blog.example/?p={post_id}</guid>
  <dc:creator><![CDATA[maria]]></dc:creator>
  <content:encoded><![CDATA[{content}]]></content:encoded>
  <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
  <wp:post_id>{post_id}</wp:post_id>
  <wp:post_date_gmt>2019-05-04 10:20:30</wp:post_date_gmt>
  <wp:post_name>{slug if slug is not None else f"post-{post_id}"}</wp:post_name>
  <wp:status>{status}</wp:status>
  <wp:post_type>{post_type}</wp:post_type>
  <wp:attachment_url>{upload}</wp:attachment_url>
  {categories}
  {comments}
</item>
"""


BODY = """<!-- wp:paragraph -->
Sleep changed first, then my appetite.
A second line of the same paragraph.

[caption id="attachment_9"]<img src="https://blog.example/photo.jpg" alt="A walk"> Out for a walk[/caption]

[gallery ids="1,2,3"]
<!-- /wp:paragraph -->
<h2>What the clinic said</h2>
Talk to a doctor before changing any medicine."""


def export(tmp_path, *items, v="1.2", encoding="UTF-8", name="export.xml"):
    path = tmp_path / name
    path.write_bytes((HEAD.format(v=v, encoding=encoding) + "".join(items) + TAIL).encode(encoding))
    return path


def run(path, *args) -> str:
    out = io.StringIO()
    call_command("import_wxr", str(path), *args, stdout=out)
    return out.getvalue()


def test_posts_become_drafts_with_their_author_terms_and_converted_body(tmp_path):
    terms = [("category", "mood", "Mood"), ("post_tag", "sleep", "Sleep"), ("post_tag", "mood", "Mood")]
    path = export(
        tmp_path,
        item(11, "My first month", BODY, slug="my-first-month", terms=terms, excerpt="<p>How the month went.</p>"),
        item(12, "About me", "A page.", post_type="page"),
        item(13, "photo.jpg", "", post_type="attachment", status="inherit"),
        item(14, "Deleted thoughts", "Gone.", status="trash"),
    )
    output = run(path)
    assert "4 read, 2 created, 0 updated, 0 unchanged, 1 skipped, 0 conflict, 1 attachment" in output
    article = Article.objects.get()
    assert (article.title, article.slug, article.status) == ("My first month", "my-first-month", Status.DRAFT)
    assert article.summary == "How the month went."
    assert article.author == Contributor.objects.get(name="Maria Writer")
    assert {(t.slug, t.kind) for t in article.topics.all()} == {
        ("mood", Topic.Kind.CATEGORY),
        ("sleep", Topic.Kind.TAG),
    }
    body = article.body
    assert "Sleep changed first, then my appetite.  \nA second line" in body  # WordPress's line break kept
    assert "Out for a walk" in body and "[caption" not in body and "[gallery" not in body
    assert "wp:paragraph" not in body and "## What the clinic said" in body
    assert "<script" not in article.body_html
    item_row = ImportedItem.objects.get(kind="post")
    assert item_row.original_url == "https://blog.example/?p=11" and item_row.original_date.year == 2019
    page = Page.objects.get()
    assert (page.title, page.status, page.body) == ("About me", Status.DRAFT, "A page.\n")
    assert "attachment 13 “photo.jpg”: https://blog.example/wp-content/uploads/photo.jpg" in output
    assert "'trash'" in output


def test_importing_twice_creates_nothing(tmp_path):
    path = export(tmp_path, item(21, "Once", "Only once."), item(22, "Twice", "Still once."))
    run(path)
    output = run(path)
    assert "2 read, 0 created, 0 updated, 2 unchanged" in output
    assert Article.objects.count() == 2 and ImportedItem.objects.count() == 2 and Contributor.objects.count() == 1


def test_a_newer_export_updates_untouched_drafts_and_reports_edited_ones(tmp_path):
    run(export(tmp_path, item(31, "Untouched", "Old text."), item(32, "Edited here", "Old text.")))
    edited = Article.objects.get(title="Edited here")
    edited.body = "An editor here rewrote this."
    edited.save()
    output = run(
        export(tmp_path, item(31, "Untouched", "New text."), item(32, "Edited here", "New text."), name="b.xml")
    )
    assert "1 updated" in output and "1 conflict" in output and "edited or published here" in output
    assert Article.objects.get(title="Untouched").body == "New text.\n"
    assert Article.objects.get(title="Edited here").body == "An editor here rewrote this."


def test_a_dry_run_reports_and_changes_nothing(tmp_path):
    output = run(export(tmp_path, item(41, "Maybe", "Text.")), "--dry-run")
    assert "Dry run, nothing changed" in output and "1 created" in output
    assert not Article.objects.exists() and not ImportedItem.objects.exists() and not Contributor.objects.exists()


def test_slugs_taken_here_get_a_suffix(tmp_path):
    factories.ArticleFactory(slug="taken")
    run(export(tmp_path, item(51, "Same slug", "Text.", slug="taken")))
    assert Article.objects.filter(slug="taken-2", title="Same slug").exists()


def test_odd_encodings_are_read(tmp_path):
    run(export(tmp_path, item(61, "Café &amp; naïve \u2013 ☕", "Ünïcödé 🙂 body."), encoding="UTF-8"))
    run(export(tmp_path, item(62, "Crème brûlée", "Latin-1 body é."), encoding="ISO-8859-1", name="latin.xml"))
    titles = set(Article.objects.values_list("title", flat=True))
    assert titles == {"Café & naïve \u2013 ☕", "Crème brûlée"}


BAD_FILES = {
    "truncated": lambda: HEAD.format(v="1.2", encoding="UTF-8") + item(1, "Cut", "Cut off")[:150],
    "not-xml": lambda: "this is not an export\n",
    "external-entity": lambda: (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss>&x;</rss>'
    ),
    "entity-bomb": lambda: (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<rss>&c;</rss>'
    ),
    "old-version": lambda: HEAD.format(v="1.0", encoding="UTF-8") + TAIL,
    "not-an-export": lambda: '<?xml version="1.0"?><feed><entry/></feed>',
}
MESSAGES = {
    "truncated": "not well-formed XML at line",
    "not-xml": "not well-formed XML at line 1",
    "external-entity": "refused for safety",
    "entity-bomb": "refused for safety",
    "old-version": "WXR version '1.0' is not supported",
    "not-an-export": "not a WordPress export",
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_refused_with_a_clear_message_and_changes_nothing(tmp_path, kind):
    run(export(tmp_path, item(71, "Already here", "Text.")))
    bad = tmp_path / "bad.xml"
    bad.write_text(BAD_FILES[kind]())
    with pytest.raises(CommandError, match=MESSAGES[kind]) as refused:
        run(bad)
    assert "Nothing was imported" in str(refused.value)
    assert Article.objects.count() == 1 and ImportedItem.objects.count() == 1


def comment(comment_id, content, *, parent=0, state="1", author="A reader", kind="", ip="203.0.113.9"):
    return f"""<wp:comment>
  <wp:comment_id>{comment_id}</wp:comment_id>
  <wp:comment_author><![CDATA[{author}]]></wp:comment_author>
  <wp:comment_author_email>reader{comment_id}@example.org</wp:comment_author_email>
  <wp:comment_author_IP>{ip}</wp:comment_author_IP>
  <wp:comment_date_gmt>2019-06-0{comment_id % 9 + 1} 08:00:00</wp:comment_date_gmt>
  <wp:comment_content><![CDATA[{content}]]></wp:comment_content>
  <wp:comment_approved>{state}</wp:comment_approved>
  <wp:comment_type>{kind}</wp:comment_type>
  <wp:comment_parent>{parent}</wp:comment_parent>
</wp:comment>"""


THREAD = "".join(
    [
        comment(3, "A reply to the reply, filed before its parent.", parent=2),
        comment(1, "<p>Thank you for writing this.</p><p>Second &amp; last paragraph.</p>"),
        comment(2, "Same here.", parent=1, state="0"),
        comment(4, "Buy cheap pills now", state="spam"),
        comment(5, "Deleted by the author.", state="trash"),
        comment(6, "", kind="pingback"),
        comment(7, "I want to end my life", ip="198.51.100.4"),
    ]
)


def test_reader_comments_are_held_threaded_marked_and_nobody_is_mailed(tmp_path, mailoutbox):
    output = run(export(tmp_path, item(81, "With replies", "Text.", comments=THREAD)))
    article = Article.objects.get()
    comments = {c.body: c for c in Comment.objects.filter(article=article)}
    assert len(comments) == 4  # spam, trash and the pingback skipped, each with its reason
    assert "it was spam on WordPress" in output and "it was trash" in output and "a pingback" in output
    assert all(c.status == CommentStatus.PENDING and c.imported for c in comments.values())
    first = comments["Thank you for writing this.\n\nSecond & last paragraph."]
    assert first.parent is None and first.created_at.date().isoformat() == "2019-06-02"  # the original date
    assert comments["Same here."].parent == first
    assert comments["A reply to the reply, filed before its parent."].parent == first  # one level deep here
    assert "where it was waiting for moderation" in comments["Same here."].hold_reasons[0]
    urgent = comments["I want to end my life"]
    assert urgent.is_urgent  # the crisis rules ran
    assert urgent.ip_hash == ip_hash("198.51.100.4") and "198.51.100.4" not in str(urgent.__dict__)
    assert mailoutbox == []
    run(export(tmp_path, item(81, "With replies", "Text.", comments=THREAD), name="again.xml"))
    assert Comment.objects.count() == 4  # a second import adds none


def test_old_links_redirect_once_the_item_is_published(tmp_path, client):
    permalink = item(
        91, "Old post", "Text.", slug="old-post", terms=[("category", "mood", "Mood"), ("post_tag", "sleep", "Sleep")]
    )
    permalink = permalink.replace(
        "<link>https://blog.example/?p=91</link>", "<link>https://blog.example/2019/05/old-post/</link>"
    )
    run(export(tmp_path, permalink, item(92, "Old page", "Text.", post_type="page", slug="old-page")))
    article, page = Article.objects.get(), Page.objects.get()
    before = ["/2019/05/old-post/", "/?p=91", "/?page_id=92", "/category/mood/", "/tag/sleep/"]
    assert [client.get(path).status_code for path in before] == [404] * 5  # drafts: nothing to send readers to

    for obj in (article, page):
        obj.status, obj.published_at, obj.last_reviewed_at = Status.PUBLISHED, obj.created_at, obj.created_at
        obj.reviewed_by = factories.ContributorFactory(credentials="MD")
        obj.save()
    expected = {
        "/2019/05/old-post/": "/articles/old-post/",
        "/?p=91": "/articles/old-post/",
        "/?page_id=92": "/old-page/",
        "/feed/": "/feeds/articles.rss",
        "/category/mood/": "/articles/?topic=mood",
        "/tag/sleep/": "/articles/?topic=sleep",
    }
    for old, new in expected.items():
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    assert [client.get(path).status_code for path in ["/?p=999", "/?page_id=999", "/category/nope/"]] == [404] * 3
    for stray in ("/?p=abc", "/?p=%20", "/?p=", "/?page_id=-1"):  # no post ID: the home page (wordpress/links.py)
        assert client.get(stray).status_code == 200, stray
