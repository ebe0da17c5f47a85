"""A request id on every log line of a request, and on the response, so one failure can be traced."""

import contextvars
import logging
import re
import uuid

from django.core.signals import request_finished
from django.dispatch import receiver

_request_id = contextvars.ContextVar("request_id", default="-")
# A proxy's id is reused only if it looks like one; anything else could forge log lines.
INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a dash outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        return True


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if INCOMING_ID.match(incoming) else uuid.uuid4().hex
        # Kept until the response is finished: Django logs 4xx/5xx after the middleware returns.
        _request_id.set(request.id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        return response


@receiver(request_finished, dispatch_uid="kratom-request-id-reset")
def _forget_request_id(**kwargs) -> None:
    _request_id.set("-")


def logging_config(level: str) -> dict:
    """The LOGGING setting: every record on stdout, once, at `level` (LOG_LEVEL), with the request id."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "operations.request_id.RequestIdFilter"}},
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"}},
        "handlers": {
            # The level is on the handler too: records propagated from a logger with its own level (Django's) are
            # not filtered by the root's level, only by its handlers'.
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "plain",
                "filters": ["request_id"],
                "level": level,
            },
        },
        "root": {"handlers": ["stdout"], "level": level},
        # Django's default gives its "django" logger a console handler of its own (debug on) that also propagates
        # to the root: each django.request warning was printed twice. Here it has no handler of its own, so its
        # records are written once, by the root's handler, with the request id; its level stays Django's (INFO).
        # Django's mail_admins handler goes with it (ADMINS is not set, so it never sent anything), and
        # runserver's request lines (django.server) are written by the root's handler too, in the same format.
        "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
    }
