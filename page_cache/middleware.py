"""The shared page cache: public pages are the same for every anonymous reader, so one render serves them all.

Stored: anonymous GET/HEAD requests (no cookie at all), answered 200 with text/html, setting no cookie, not
varying on Cookie and not marked private or no-cache (the reply page, search and previews are `never_cache`).
The key holds the content version (editorial.content_version), so any change a reader could see makes every
stored page stale, on every node. The ETag comes from the same key: a repeat visit gets a 304 before any view
or template runs.

The key holds only the query parameters the view declares it reads (`page_cache_parameters`, a dict of
name -> editorial.page_parameters.Values), so nobody can fill the cache with endless copies of one page:

- a parameter the view does not declare (`utm_source`, `?topic=` on an article) is dropped, from the key and
  from the request the view sees, so the stored page is exactly what the view renders (the pagination links'
  `{% querystring %}` never carries it);
- a declared parameter given twice, or with a value outside its pattern, renders uncached (the view
  answers 400 or 404, or the value cannot change the page);
- a value inside the pattern the view refuses (a page past the last, an unknown topic) gets a 404 or 400,
  never stored; where the view shows another page instead, it marks the request (not_as_asked) and nothing
  is stored;
- a view that declares nothing (feeds, the get-help page) is cached only without a query.
"""

import functools
import hashlib
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control

from editorial.content_version import content_version
from editorial.markdown import PIPELINE_VERSION
from editorial.page_parameters import as_asked

TIMEOUT = 24 * 60 * 60  # stale entries (old versions) age out; a new version never reads them


def page_query(request) -> dict | None:
    """The parameters the page reads (as declared), or None when the request must render uncached."""
    if request.method not in ("GET", "HEAD") or request.COOKIES or request.META.get("HTTP_AUTHORIZATION"):
        return None
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return None  # a 404: nothing to store
    declared = getattr(getattr(view, "view_class", view), "page_cache_parameters", None)
    if declared is None:
        return {} if not request.GET else None
    query = {}
    for name, values in request.GET.lists():
        if name not in declared:
            continue
        if len(values) != 1 or not declared[name].accepts(values[0]):
            return None
        query[name] = values[0]
    return query


def cache_key(path: str, query: dict) -> str | None:
    """The page's key under the current content version, or None when the cache cannot be used."""
    try:
        version = content_version()
    except DatabaseError:  # a new version reads the schedule; with the database away, pass (the view answers 503)
        return None
    return f"page:{build_id()}:{version}:{path}?{urlencode(sorted(query.items()))}"


@functools.cache
def build_id() -> str:
    """This release: the static files manifest, the Markdown pipeline, the templates and the helplines file.
    During a rolling deploy, old and new nodes never serve each other's pages (which would point at static
    files the other lacks), and a release that only corrects a phone number or a template retires the old
    pages at once. Read once per process: a release is a restart."""
    digest = hashlib.sha256(str(PIPELINE_VERSION).encode())
    release_files = [
        Path(settings.STATIC_ROOT) / "staticfiles.json",
        Path(settings.BASE_DIR) / "content" / "helplines.toml",
    ]
    release_files += sorted((Path(settings.BASE_DIR) / "content" / "sources").glob("*.toml"))  # /get-help/ cites them
    release_files += sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html"))
    for path in release_files:
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


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
        query = page_query(request) if settings.PAGE_CACHE else None
        key = cache_key(request.path, query) if query is not None else None
        if key is None:
            return self.get_response(request)
        etag = etag_for(key)
        # `If-None-Match: *` matches only a page that exists (RFC 9110): it waits for the stored one below.
        anything = request.headers.get("If-None-Match", "").strip() == "*"
        if not anything and (not_modified := get_conditional_response(request, etag=etag)) is not None:
            return revalidate(not_modified, etag)  # 304: nothing rendered, nothing read
        if (cached := cache.get(key)) is not None:
            return get_conditional_response(request, etag=etag, response=cached)  # the page, or a 304 for `*`
        request.GET = QueryDict(urlencode(query))  # the view sees only what the key holds
        response = self.get_response(request)
        if storable(response) and as_asked(request):
            cache.set(key, revalidate(response, etag), TIMEOUT)
        return response


def revalidate(response, etag: str):
    """Browsers and proxies may keep the page but must ask again each time; the ETag makes asking cheap."""
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response
