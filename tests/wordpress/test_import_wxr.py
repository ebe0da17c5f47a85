"""`import_wxr`: posts from a WordPress export become draft articles, safely and repeatably."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Topic
from editorial.models import Contributor, Status
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


def item(
    post_id: int, title: str, content: str, *, post_type="post", status="publish", slug=None, terms=(), excerpt=""
):
    categories = "".join(
        f'<category domain="{domain}" nicename="{nice}"><![CDATA[{name}]]></category>' for domain, nice, name in terms
    )
    return f"""<item>
  <title>{title}</title>
  <link>https://blog.example/?p={post_id}</link>
  <guid isPermaLink="false">https://blog.example/?p={post_id}</guid>
  <dc:creator><![CDATA[maria]]></dc:creator>
  <content:encoded><![CDATA[{content}]]></content:encoded>
  <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
  <wp:post_id>{post_id}</wp:post_id>
  <wp:post_date_gmt>2019-05-04 10:20:30</wp:post_date_gmt>
  <wp:post_name>{slug if slug is not None else f"post-{post_id}"}</wp:post_name>
  <wp:status>{status}</wp:status>
  <wp:post_type>{post_type}</wp:post_type>
  {categories}
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
    assert "4 read, 1 created, 0 updated, 0 unchanged, 3 skipped, 0 conflict" in output
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
    item_row = ImportedItem.objects.get()
    assert item_row.original_url == "https://blog.example/?p=11" and item_row.original_date.year == 2019
    assert "skipped: page 12" in output and "skipped: attachment 13" in output and "'trash'" in output


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
    from tests import factories

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
