"""Feeds, sitemap, robots.txt and the database-outage page."""

from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.db import OperationalError, connection

from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site(settings, one_of_each):
    settings.SITE_URL = "https://kratom.example"
    settings.ALLOWED_HOSTS = ["*"]  # even an accepted Host header must not leak into links
    factories.ArticleFactory(title="Not yet")  # a draft: in no feed or sitemap
    return one_of_each


def test_rss_feed_is_valid_with_absolute_links_and_the_notice(client, site):
    response = client.get("/feeds/articles.rss", headers={"host": "attacker.example"})
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [site["article"].title]
    assert items[0].findtext("link") == "https://kratom.example" + site["article"].get_absolute_url()
    assert "not medical advice" in items[0].findtext("description")
    assert "https://kratom.example/get-help/" in items[0].findtext("description")
    assert b"attacker.example" not in response.content


def test_atom_feed_is_valid(client, site):
    response = client.get("/feeds/articles.atom")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [site["article"].title]
    assert entries[0].find(f"{ATOM}link").get("href").startswith("https://kratom.example/articles/")


class ReaderView(HTMLParser):
    """What a feed reader shows for an HTML summary: its text, and the elements it would render."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.text, self.tags = [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def shown(text: str, kind: str) -> tuple[str, list[str]]:
    """(text a reader shows, elements it renders) for a summary of the given Atom type."""
    if kind == "text":
        return text, []
    view = ReaderView(text)
    return "".join(view.text), view.tags


SUMMARY = 'Doses < 5 g & "more" <b>not bold</b> <script>alert(1)</script>'


def test_summaries_reach_feed_readers_as_the_plain_text_they_are(client, site):
    article = site["article"]
    article.summary = SUMMARY
    article.save()
    atom = ElementTree.fromstring(client.get("/feeds/articles.atom").content)
    summary = atom.find(f"{ATOM}entry/{ATOM}summary")
    text, tags = shown(summary.text, summary.get("type", "text"))
    assert SUMMARY in text and not {"b", "script"} & set(tags)  # today: type="html", so <b> and <script> render
    rss = ElementTree.fromstring(client.get("/feeds/articles.rss").content)
    text, tags = shown(rss.findtext("channel/item/description"), "html")  # RSS descriptions are read as HTML
    assert SUMMARY in text and not {"b", "script"} & set(tags)
    assert "not medical advice" in text


def test_sitemap_lists_every_published_item_and_nothing_else(client, site):
    response = client.get("/sitemap.xml", headers={"host": "attacker.example"})
    urlset = ElementTree.fromstring(response.content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in urlset.findall(f"{SITEMAP}url")}
    for key in ("article", "faq", "strain", "risk", "page"):
        assert "https://kratom.example" + site[key].get_absolute_url() in locations
    assert "https://kratom.example/" in locations
    assert not any("attacker" in loc or "article-not-yet" in loc for loc in locations)
    assert all(loc.startswith("https://kratom.example/") for loc in locations)


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin(client, settings):
    settings.SITE_URL = "https://kratom.example"
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://kratom.example/sitemap.xml" in body
    assert f"Disallow: /{settings.ADMIN_URL}" in body


def test_a_database_outage_answers_503_with_the_notice(client):
    attempts = []

    def down(execute, sql, params, many, context):
        attempts.append(sql)
        raise OperationalError("connection refused (simulated)")

    client.raise_request_exception = False
    with connection.execute_wrapper(down):
        response = client.get("/articles/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.content.decode().count("data-safety-notice") == 1
    assert "Temporarily unavailable" in response.content.decode()
    # The 503 page does not wait on the database again (each try can take the pool's whole timeout).
    assert len(attempts) == 1
