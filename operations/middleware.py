"""Middleware for running the site: a database outage answers 503 (with Retry-After and the safety notice),
never a 500; a body in a charset that is no text encoding answers 400; every response gets a
Cross-Origin-Resource-Policy."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.template.response import TemplateResponse

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """A lost database connection is a 503 page, with the safety notice and Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # OperationalError and InterfaceError are the connection failing, not our SQL.
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable for %s %s: %s", request.method, request.path, exception)
        headers = {"Retry-After": str(settings.DATABASE_RETRY_AFTER_SECONDS)}
        context = {"database_unavailable": True}  # the page then asks nothing more of the database
        return TemplateResponse(request, "503.html", context, status=503, headers=headers).render()


class RequestCharsetMiddleware:
    """A body declaring a charset that is not a text encoding (rot13, zlib, ...) is a 400, before anything
    reads it: Django would decode the form with it and raise LookupError, a 500 (found by tests/security)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.encoding:
            try:
                b"a".decode(request.encoding, "replace")  # (empty bytes would skip the check)
            except (LookupError, UnicodeError):  # not a text codec (rot13), or one that fails on text (idna)
                # Answered here: Django's own 400 view checks CSRF, which would read the body again.
                return TemplateResponse(request, "400.html", status=400).render()
        return self.get_response(request)


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
