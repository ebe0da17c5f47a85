"""/sitemap.xml: every published item, plus the list pages. Absolute URLs from SITE_URL."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article
from editorial.models import Page
from faq.models import FAQEntry
from risks.models import RiskItem
from strains.models import StrainProfile


class SiteUrlSitemap(Sitemap):
    """Builds locations from SITE_URL, never from the request's Host header."""

    @property
    def protocol(self) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class PublishedSitemap(SiteUrlSitemap):
    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class StaticSitemap(SiteUrlSitemap):
    def items(self):
        return ["home", "articles:list", "faq:list", "strains:list", "risks:list", "evidence_levels", "get_help"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": StaticSitemap,
    **{model._meta.model_name: PublishedSitemap(model) for model in (Article, FAQEntry, StrainProfile, RiskItem, Page)},
}
