"""Site-wide views: home, get-help, health check."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from articles.models import Article


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = Article.objects.published().select_related("author", "reviewed_by")[:6]
        return context


@never_cache
def healthz(request):
    """Load balancers ask this; 503 when the database does not answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503, headers={"Retry-After": "30"})
    return JsonResponse({"status": "ok", "database": "ok"})
