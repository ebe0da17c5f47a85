"""The shared page cache: public pages are the same for every anonymous reader, so one render serves them all.

Stored: anonymous GET/HEAD requests (no cookie at all) whose query has only allow-listed parameters,
answered 200 with text/html, setting no cookie, not varying on Cookie and not marked private or
no-cache (the reply page, search and previews are `never_cache`). The key holds the content version
(editorial.content_version), so any change a reader could see makes every stored page stale, on every
node. The ETag comes from the same key: a repeat visit gets a 304 before any view or template runs.
"""

import functools
import hashlib
import re
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.cache import get_conditional_response, patch_cache_control

from editorial.content_version import content_version
from editorial.markdown import PIPELINE_VERSION

# Query parameters public pages read, and the values that change a page. A request with any other
# parameter or value, or a parameter given twice, is neither served nor stored: nobody can fill the
# cache with endless variants of one page.
ALLOWED_PARAMETERS = {
    "page": re.compile(r"[1-9]\d{0,5}|last"),
    "comments_page": re.compile(r"[1-9]\d{0,5}"),
    "topic": re.compile(r"[-a-z0-9_]{1,100}"),
    "reply": re.compile(r"published|held"),
    "from": re.compile(r"reply"),
}
TIMEOUT = 24 * 60 * 60  # stale entries (old versions) age out; a new version never reads them


def cache_key(request) -> str | None:
    """The page's key under the current content version, or None when this request must not use the cache."""
    if request.method not in ("GET", "HEAD") or request.COOKIES or request.META.get("HTTP_AUTHORIZATION"):
        return None
    for name, values in request.GET.lists():
        if name not in ALLOWED_PARAMETERS or len(values) != 1 or not ALLOWED_PARAMETERS[name].fullmatch(values[0]):
            return None
    try:
        version = content_version()
    except DatabaseError:  # a new version reads the schedule; with the database away, pass (the view answers 503)
        return None
    query = urlencode(sorted((name, value) for name in request.GET for value in request.GET.getlist(name)))
    return f"page:{build_id()}:{version}:{request.path}?{query}"


@functools.cache
def build_id() -> str:
    """This release: the static files manifest and the Markdown pipeline. During a rolling deploy, old and
    new nodes never serve each other's pages (which would point at static files the other lacks)."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    content = manifest.read_bytes() if manifest.exists() else b""
    return hashlib.sha256(content + str(PIPELINE_VERSION).encode()).hexdigest()[:12]


def etag_for(key: str) -> str:
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def storable(response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and "cookie" not in response.get("Vary", "").lower()
        and not any(word in control for word in ("private", "no-cache", "no-store"))
        and not getattr(response, "streaming", False)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request) if settings.PAGE_CACHE else None
        if key is None:
            return self.get_response(request)
        etag = etag_for(key)
        if (not_modified := get_conditional_response(request, etag=etag)) is not None:
            return revalidate(not_modified, etag)  # 304: nothing rendered, nothing read
        if (cached := cache.get(key)) is not None:
            return cached
        response = self.get_response(request)
        if storable(response):
            cache.set(key, revalidate(response, etag), TIMEOUT)
        return response


def revalidate(response, etag: str):
    """Browsers and proxies may keep the page but must ask again each time; the ETag makes asking cheap."""
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response
