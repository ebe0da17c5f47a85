"""Checks a server process makes before it answers anything (wsgi.py and asgi.py)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_process_local_cache() -> None:
    """A server usually runs several processes, each with its own process-local cache: rate limits and page
    versions would then differ between them. Refuse that unless told exactly one process serves."""
    local = settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    if not settings.DEBUG and local and not settings.SINGLE_PROCESS:
        raise ImproperlyConfigured(
            "With DJANGO_DEBUG off the cache must be shared by every process: set REDIS_URL, "
            "or DJANGO_SINGLE_PROCESS=1 if exactly one process serves the site."
        )
