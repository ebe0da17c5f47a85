"""The shared cache as an optimisation, never a dependency.

Every call that fails (Redis stopped, hung past its short socket timeouts, out of memory) answers as a
miss: `get` gives the default, `set` and `add` store nothing, and the request is served uncached. After
a failure the cache is left alone for RETRY_SECONDS, so a hung server costs one timeout per process per
interval rather than one per request, and the failure is logged once per interval. `failures()` changes
with every failure seen by any process on this machine: editorial.content_version checks its copy of the
content version against the database after any failure, so a cache that lost data or came back from an old
snapshot is not trusted.
"""

import contextlib
import logging
import os
import tempfile
import threading
import time
from pathlib import Path

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
RETRY_SECONDS = 5.0

_lock = threading.Lock()
_state = {"open_until": 0.0, "failures": 0}


# Failures are also marked in a file every worker of this machine sees, so that a worker that happened to
# serve nothing while the cache was away still checks the content version at its next request.
MARKER = Path(tempfile.gettempdir()) / f"kratom-info-cache-failures-{os.getuid()}"


def failures() -> tuple[int, int]:
    """A mark that changes whenever a cache failure happens in this process or on this machine."""
    try:
        marked = MARKER.stat().st_mtime_ns
    except OSError:
        marked = 0
    return _state["failures"], marked


def degraded() -> bool:
    """Whether the cache failed within the last RETRY_SECONDS (and is being left alone until then)."""
    return time.monotonic() < _state["open_until"]


def _failed(operation: str, error: Exception) -> None:
    with _lock:
        already = degraded()
        _state["failures"] += 1
        _state["open_until"] = time.monotonic() + RETRY_SECONDS
    with contextlib.suppress(OSError):
        MARKER.touch()
    if not already:
        kind = type(error).__name__
        logger.warning("Cache %s failed (%s: %s); serving uncached for %.0fs", operation, kind, error, RETRY_SECONDS)


def _guarded(name: str, missed):
    """The backend's method `name`, answering `missed()` while the cache is failing."""

    def method(self, *args, **kwargs):
        if degraded():
            return missed()
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except Exception as error:  # whatever the server or its client raised: the cache is optional
            _failed(name, error)
            return missed()

    method.__name__ = name
    return method


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, whose failures are misses (see the module)."""

    def get(self, key, default=None, version=None):
        return _guarded("get", lambda: default)(self, key, default, version)

    set = _guarded("set", lambda: False)
    add = _guarded("add", lambda: False)
    touch = _guarded("touch", lambda: False)
    delete = _guarded("delete", lambda: False)
    has_key = _guarded("has_key", lambda: False)
    get_many = _guarded("get_many", dict)
    set_many = _guarded("set_many", list)
    delete_many = _guarded("delete_many", lambda: None)
    clear = _guarded("clear", lambda: None)
