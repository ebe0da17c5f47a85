"""A database outage answers 503 with Retry-After and the safety notice, never a 500."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.template.response import TemplateResponse

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # OperationalError and InterfaceError are the connection failing, not our SQL.
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable for %s %s: %s", request.method, request.path, exception)
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        context = {"database_unavailable": True}  # the page then asks nothing more of the database
        return TemplateResponse(request, "503.html", context, status=503, headers=headers).render()


class ResourcePolicyMiddleware:
    """Cross-Origin-Resource-Policy: same-origin for pages, same-site for static files."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cross-Origin-Resource-Policy" not in response:
            static = request.path.startswith(settings.STATIC_URL)
            response["Cross-Origin-Resource-Policy"] = "same-site" if static else "same-origin"
        return response
