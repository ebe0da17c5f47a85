"""A WordPress site's old links, answered here: `/?p=ID` and `/?page_id=ID`, `/feed/`, `/category/<slug>/`
and `/tag/<slug>/`. Each answers 301 once its target is public, and 404 before (post permalinks are
Redirect rows, answered by editorial.redirects)."""

import re

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from articles.models import Article, Topic

from .models import ImportedItem

TERM_PATH = re.compile(r"^/(?:category|tag)/(?P<slug>[\w-]+)/?$")


def _target_for_id(post_id: str):
    item = ImportedItem.objects.filter(original_id=post_id, kind__in=["post", "page"]).first()
    target = item.target if item is not None else None
    if target is None or not target.is_public:
        raise Http404("No published item has that WordPress ID.")
    return target.get_absolute_url()


def _target_for_path(path: str) -> str | None:
    if path in ("/feed/", "/feed"):
        return reverse("feed_rss")
    if match := TERM_PATH.match(path):
        topic = Topic.objects.filter(slug=match["slug"]).first()
        if topic is not None and Article.objects.published().filter(topics=topic).exists():
            return topic.get_absolute_url()
    return None


class WordPressLinksMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/":
            wanted = request.GET.get("p") or request.GET.get("page_id")
            if wanted is not None:
                if not wanted.isdigit() or len(wanted) > 20:
                    raise Http404("Not a WordPress ID.")
                return HttpResponsePermanentRedirect(_target_for_id(wanted))
        response = self.get_response(request)
        if response.status_code == 404 and (target := _target_for_path(request.path)) is not None:
            return HttpResponsePermanentRedirect(target)
        return response
