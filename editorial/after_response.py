"""Work that must not delay, or show in the timing of, the response it follows (mail, mostly).

`after_response(task)` runs `task` once the current transaction has committed and the response has
been written to the client: the WSGI server calls the response's `close()` after sending the body,
and the middleware hangs the tasks there. Outside a request (a management command, a shell), the
task runs when the transaction commits. A task that raises is logged and never reaches the reader;
each task owns its retry (moderation_digest retries alerts, for example).
"""

import contextvars
import logging
from collections.abc import Callable

from django.db import transaction

logger = logging.getLogger(__name__)

_tasks: contextvars.ContextVar[list[Callable[[], object]] | None] = contextvars.ContextVar(
    "after_response_tasks", default=None
)


def after_response(task: Callable[[], object]) -> None:
    """Run `task` after this transaction commits and after the response is sent (when in a request)."""

    def on_commit() -> None:
        pending = _tasks.get()
        if pending is None:
            _run(task)
        else:
            pending.append(task)

    transaction.on_commit(on_commit)


def _run(task: Callable[[], object]) -> None:
    try:
        task()
    except Exception:
        logger.exception("A task after the response failed")


class AfterResponseMiddleware:
    """Collects the request's tasks and runs them when the server closes the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pending: list[Callable[[], object]] = []
        token = _tasks.set(pending)
        try:
            response = self.get_response(request)
        finally:
            _tasks.reset(token)
        if pending:
            # Django's own hook for "after the body is sent": close() calls each closer in turn.
            response._resource_closers.append(lambda: [_run(task) for task in pending])
        return response
