"""The content version: a token that changes whenever something a reader can see changes.

The page cache keys every stored page and ETag by it, so a new version makes every cached page on every
node stale at once. The version lives where the content lives: one database row (ContentVersion), changed
in the same transaction as the change itself, so a committed change always comes with a new version. The
shared cache holds a copy, which requests read; once the transaction commits, the writer updates the copy.
Each process checks the copy against the row every CONTENT_VERSION_VERIFY_SECONDS, and at its next request
after any cache failure (editorial.resilient_cache), and repairs it: a cache that was away during a change,
or came back from an old snapshot, never brings old pages back. With the database away, the copy is used.

The version changes:
- with a save, delete or many-to-many change of a public model (every Publishable, and what each app
  lists in its AppConfig's `public_models`);
- when code changes public rows with `.update()`, which sends no signal: it calls `content_changed()`;
- when the clock passes `next_change_at`, the earliest moment a page changes with no write at all (a
  scheduled item going live, a review falling due, replies closing; each app may add its own in
  `AppConfig.next_public_change`). The first request after that moment writes the new version, once.
"""

import contextlib
import contextvars
import time
import uuid
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, OperationalError, models, transaction
from django.db.models import F, Min
from django.db.models.functions import Greatest
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from . import resilient_cache
from .models import ContentVersion, Status
from .registry import child_models, publishable_models

COPY_KEY = "content-version-copy"  # not the old "content-version": that held another shape
# This process's last check of the cache's copy against the row: when, and the cache failures seen then;
# and when the database last failed to answer it (then the copy is used without asking for a while, so a
# request during a database outage waits for the database at most once: in its view, not here too).
_checked = {"at": float("-inf"), "failures": None, "database_failed_at": float("-inf")}
DATABASE_BACKOFF = 10.0  # seconds


def public_models() -> list[type[models.Model]]:
    """Every model whose rows readers see: each Publishable and its child rows, plus each app's
    `public_models` names."""
    found = set(publishable_models()) | {child for child, _parent in child_models()}
    for config in apps.get_app_configs():
        found.update(config.get_model(name) for name in getattr(config, "public_models", ()))
    return sorted(found, key=lambda model: model._meta.label)


def next_change_at(now: datetime | None = None) -> datetime | None:
    """The earliest future moment at which a page changes by the clock alone, or None."""
    now = now or timezone.now()
    moments = []
    for model in publishable_models():
        published = model._base_manager.filter(status=Status.PUBLISHED)
        moments.append(published.filter(published_at__gt=now).aggregate(at=Min("published_at"))["at"])
        # A page says so when its review falls due ("review due" in the byline): that moment too.
        interval = model.review_interval()
        reviewed = published.filter(last_reviewed_at__gt=now - interval).aggregate(at=Min("last_reviewed_at"))["at"]
        moments.append(reviewed + interval if reviewed else None)
    configs = [config for config in apps.get_app_configs() if hasattr(config, "next_public_change")]
    moments += [config.next_public_change(now) for config in configs]
    return min((moment for moment in moments if moment is not None), default=None)


def _row():
    return ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_PK)


def _write(**only_if) -> bool:
    """A new version in the row, in the caller's transaction (the row stays locked until it ends).
    With `only_if`, only while the row still holds those values; False when it did not."""
    # Lock first, then work out the next scheduled change: a writer that waited for another's commit must
    # see what that one committed, or it would write back a stale moment.
    list(_row().select_for_update().values_list("pk", flat=True))
    updated = (
        _row()
        .filter(**only_if)
        .update(
            version=uuid.uuid4().hex,
            serial=Greatest(F("serial") + 1, time.time_ns()),  # later than any copy, even after a restore
            next_change_at=next_change_at(),
        )
    )
    if not updated and not only_if:  # the row was deleted by hand: make it again
        ContentVersion.objects.create(pk=ContentVersion.SINGLETON_PK)
        return _write()
    return bool(updated)


def _copy() -> dict:
    """The row as the cache holds it."""
    version, serial, due = _row().values_list("version", "serial", "next_change_at").get()
    return {"version": version, "serial": serial, "next_change_at": due}


def publish_copy() -> dict:
    """Put the row's version in the cache for every node (best effort: each node also checks the row)."""
    copy = _copy()
    cache.set(COPY_KEY, copy, timeout=None)
    return copy


def content_version_bump() -> str:
    """Start a new content version now, in its own transaction; every cached page becomes stale."""
    with transaction.atomic():
        _write()
    return publish_copy()["version"]


_held = contextvars.ContextVar("content_changes_held", default=None)


@contextlib.contextmanager
def changes_at_end(*, discard: bool = False):
    """Inside a long transaction (an import batch): note changes, and write the one new version at the end
    of the block, so the version's row (which every writer updates) is locked for moments, not the batch.
    `discard`: the block's transaction is rolled back (a dry run), so nothing is written."""
    if _held.get() is not None:  # already inside one: the outer block writes
        yield
        return
    noted = []
    token = _held.set(noted)
    try:
        yield
    finally:
        _held.reset(token)
    if noted and not discard:
        content_changed()


def content_changed() -> None:
    """Something readers see changes in the current transaction: the version changes in it too (once per
    transaction), and the cache's copy after it commits. Outside a transaction, at once."""
    if (noted := _held.get()) is not None:
        noted.append(True)
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        content_version_bump()
        return
    # A callback still queued means this transaction (or a savepoint still alive in it) wrote already.
    if any(entry[1] is publish_copy for entry in connection.run_on_commit):
        return
    _write()
    transaction.on_commit(publish_copy, robust=True)  # a cache or database hiccup after commit is logged


def content_version() -> str:
    """The current version: the cache's copy, checked against the row as the module says."""
    copy = cache.get(COPY_KEY)
    if not (isinstance(copy, dict) and {"version", "serial", "next_change_at"} <= copy.keys()):
        copy = None  # missing, or written by an older release: read the row
    now = time.monotonic()
    due_check = now - _checked["at"] >= settings.CONTENT_VERSION_VERIFY_SECONDS
    if copy is None or due_check or _checked["failures"] != resilient_cache.failures():
        copy = _verified(copy, now)
    due = copy["next_change_at"]
    if due is not None and timezone.now() >= due:
        # The first request past the moment writes the new version; any other finds it written already.
        with transaction.atomic():
            _write(version=copy["version"])
        copy = publish_copy()
    return copy["version"]


def _verified(copy: dict | None, now: float) -> dict:
    """The row's version when the copy is missing or behind it (the copy is repaired). When the database
    cannot be read: the copy if it is trusted (no cache failure since the last check), else a DatabaseError
    (the caller serves uncached, and the view answers 503 if it needs the database too)."""
    failures = resilient_cache.failures()
    # A copy read since a cache failure may come from an old snapshot: only the row can vouch for it.
    trusted = copy is not None and _checked["failures"] == failures
    if now - _checked["database_failed_at"] < DATABASE_BACKOFF:
        if not trusted:
            raise OperationalError("the database failed a moment ago")  # served uncached: the view answers 503
        return copy
    try:
        truth = _copy()
    except DatabaseError:
        _checked["database_failed_at"] = now
        if not trusted:
            raise
        return copy
    except ContentVersion.DoesNotExist:
        content_version_bump()
        truth = _copy()
    if not resilient_cache.degraded():  # a check made while the cache fails is made again once it is back
        _checked.update(at=now, failures=failures)
    if copy is None or copy["serial"] < truth["serial"]:
        cache.set(COPY_KEY, truth, timeout=None)
        return truth
    return copy


def _changed(sender, raw=False, action="post_", **kwargs) -> None:
    if not raw and action.startswith("post_"):  # m2m_changed also sends pre_add, pre_remove, pre_clear
        content_changed()


def connect_signals() -> None:
    """A new version with every save, delete and many-to-many change of a public model."""
    for model in public_models():
        label = model._meta.label
        post_save.connect(_changed, sender=model, dispatch_uid=f"version-save-{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"version-delete-{label}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_changed, sender=through, dispatch_uid=f"version-m2m-{label}-{field.name}")
