from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The shared page cache (page_cache/middleware.py), installed as middleware."""

    name = "page_cache"
