"""RSS and Atom feeds of articles: summaries and a one-line notice, links from SITE_URL.

Each item's description is HTML: RSS readers take every description as HTML, and Django's Atom feed
marks the summary type="html". Summaries are plain text, so they are escaped into paragraphs first;
sent as they are, "<b>" in a summary was rendered as bold, and a "<script>" in one reached readers.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, linebreaks

from articles.models import Article

NOTICE = (
    "<p>General information, not medical advice. "
    'If you are in crisis, call or text 988 (US) or see <a href="{url}">{url}</a>.</p>'
)


class ArticleFeed(Feed):
    title = "Kratom Info: articles"
    description = "New and updated articles on kratom and depression, medically reviewed."

    def link(self) -> str:
        return settings.SITE_URL + reverse("articles:list")

    def feed_url(self) -> str:
        return settings.SITE_URL + reverse("feed_rss")

    def items(self):
        return Article.objects.published().select_related("author").order_by("-published_at")[:20]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        notice = format_html(NOTICE, url=settings.SITE_URL + reverse("get_help"))
        return linebreaks(item.summary, autoescape=True) + notice

    def item_link(self, item: Article) -> str:
        return settings.SITE_URL + item.get_absolute_url()

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str | None:
        return item.author.name if item.author else None


class ArticleAtomFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description

    def feed_url(self) -> str:
        return settings.SITE_URL + reverse("feed_atom")
