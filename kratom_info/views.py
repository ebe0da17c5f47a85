"""Site-wide views: home, search, evidence levels, robots.txt, security.txt, and the error pages.

The health check (/healthz) is operations/views.py; /get-help/ is helplines/views.py."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Prefetch
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import ListView, TemplateView

from articles.models import Article
from comments.crisis import post_mentions_crisis
from editorial.content_version import content_version
from editorial.models import Page, SearchEntry
from editorial.models.evidence import evidence_scale
from editorial.page_parameters import Values
from editorial.search import search_entries
from editorial.views import QueryFormMixin
from faq.models import FAQEntry
from risks.models import RiskCategory, RiskItem
from strains.models import ReportedEffect, StrainProfile

from .forms import SearchForm


class HomeView(TemplateView):
    template_name = "home.html"
    # Old WordPress links, /?p=ID and /?page_id=ID: wordpress/links.py answers them before this view runs.
    page_cache_parameters = {"p": Values(r"\d{1,20}"), "page_id": Values(r"\d{1,20}")}

    def get_context_data(self, **kwargs):
        articles = list(Article.objects.published().filter(is_featured=True).select_related("reviewed_by")[:3])
        if not articles:
            articles = list(Article.objects.published().select_related("reviewed_by")[:3])
        risk_counts = dict(
            RiskItem.objects.published().values_list("category").annotate(n=Count("pk")).values_list("category", "n")
        )
        return super().get_context_data(
            featured=articles[0] if articles else None,
            articles=articles,
            risk_categories=[(category, risk_counts.get(category.value, 0)) for category in RiskCategory],
            faqs=FAQEntry.objects.published().order_by("category__order", "order")[:5],
            strains=StrainProfile.objects.published().prefetch_related(
                Prefetch("effects", queryset=ReportedEffect.objects.order_by("order", "pk"))
            ),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class SearchView(QueryFormMixin, ListView):
    """Search is never page-cached, but its results are, per query and content version."""

    query_form_class = SearchForm
    template_name = "search.html"
    paginate_by = 20
    max_results = 500  # the results of one query are computed once per content version

    def get_queryset(self):
        self.query = self.query_form.cleaned_data["q"].strip()
        if not self.query:
            return []
        if not settings.PAGE_CACHE:
            return list(search_entries(self.query)[: self.max_results])
        # Kept small: the ids and highlighted snippets of the results, not the rows themselves.
        key = f"search:{content_version()}:{hashlib.sha256(self.query.encode()).hexdigest()}"
        found = cache.get(key)
        if found is None:
            rows = list(search_entries(self.query)[: self.max_results])
            cache.set(key, [(row.pk, getattr(row, "headline", None)) for row in rows], 60 * 60)
            return rows
        entries = SearchEntry.objects.in_bulk([pk for pk, _ in found])
        results = []
        for pk, headline in found:
            if (entry := entries.get(pk)) is not None:
                entry.headline = headline
                results.append(entry)
        return results

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, max_results=self.max_results, **kwargs)


class EvidenceLevelsView(TemplateView):
    """How claims are labelled, with the real badges; the intro is the editable "evidence-levels" page."""

    template_name = "evidence_levels.html"
    page_cache_parameters = {}  # page_cache/middleware.py: the query parameters this page reads

    def get_context_data(self, **kwargs):
        page = Page.objects.published().filter(slug="evidence-levels").first()
        return super().get_context_data(page=page, scale=evidence_scale(), **kwargs)


def robots_txt(request):
    body = "\n".join(
        [
            "User-agent: *",
            f"Disallow: {reverse('admin:index')}",
            f"Disallow: {reverse('search')}",
            f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        ]
    )
    return HttpResponse(body + "\n", content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A refused form (an expired session, a blocked cookie) still shows crisis lines when the text needs them."""
    crisis = request.method == "POST" and post_mentions_crisis(request.POST)
    return render(request, "403_csrf.html", {"crisis": crisis}, status=403)


def security_txt(request):
    """RFC 9116: how to report a security problem."""
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0).isoformat()
    body = f"Contact: {settings.SECURITY_CONTACT}\nExpires: {expires}\nPreferred-Languages: en\n"
    body += f"Canonical: {settings.SITE_URL}{reverse('security_txt')}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page, with the request's id as a reference a reader can quote (it is on the log lines)."""
    # Like Django's own handler: no context processors, so a broken database cannot break this page.
    body = loader.get_template("500.html").render({"request_id": getattr(request, "id", "")})
    return HttpResponseServerError(body)
