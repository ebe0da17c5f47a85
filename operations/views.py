"""The health check load balancers ask: /healthz."""

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from editorial import resilient_cache


@never_cache
def healthz(request):
    """Load balancers ask this: 503 when the database does not answer. The cache is an optimisation, so a
    failing cache is reported ("degraded": pages are served uncached) without taking the node out."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        headers = {"Retry-After": str(settings.DATABASE_RETRY_AFTER_SECONDS)}
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503, headers=headers)
    cache_ok = cache.set("healthz", 1, 10) is not False and not resilient_cache.degraded()
    return JsonResponse(
        {"status": "ok" if cache_ok else "degraded", "database": "ok", "cache": "ok" if cache_ok else "unavailable"}
    )
