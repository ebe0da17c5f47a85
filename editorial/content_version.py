"""The content version: one token in the shared cache that changes whenever something a reader can see changes.

The page cache keys every stored page and ETag by it, so a new version makes every cached page on every
node stale at once. It changes:

- after a save, delete or many-to-many change of a public model (every Publishable, and what each app
  lists in its AppConfig's `public_models`), once the transaction commits;
- when code changes public rows with `.update()`, which sends no signal: it calls `version_bump_on_commit()`;
- when the clock passes `next_change_at`, the earliest moment a page changes with no write at all (a
  scheduled item going live, a review falling due, replies closing; each app may add its own in
  `AppConfig.next_public_change`).
  The first request after that moment makes the new version, once (a `cache.add` guard).
"""

import uuid
from datetime import datetime

from django.apps import apps
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from .models import Status
from .registry import publishable_models

VERSION_KEY = "content-version"


def public_models() -> list[type[models.Model]]:
    """Every model whose rows readers see: each Publishable, plus each app's `public_models` names."""
    found = set(publishable_models())
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


def version_bump() -> str:
    """Start a new content version now; every cached page becomes stale."""
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, {"version": version, "next_change_at": next_change_at()}, timeout=None)
    return version


def version_bump_on_commit() -> None:
    """Start a new version once the current transaction commits (before that, readers would cache old rows)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(entry[1] is version_bump for entry in connection.run_on_commit):
        return  # one new version per transaction is enough, however many rows it changes
    transaction.on_commit(version_bump)


def content_version() -> str:
    """The current version; past `next_change_at`, the first caller starts a new one."""
    state = cache.get(VERSION_KEY)
    if state is None:
        return version_bump()
    due = state["next_change_at"]
    guard = f"{VERSION_KEY}:rolled:{state['version']}"
    if due is not None and timezone.now() >= due and cache.add(guard, 1, 3600):
        try:
            return version_bump()
        except Exception:
            cache.delete(guard)  # (the database was away, say): the next request tries again
            raise
    return state["version"]


def _changed(sender, raw=False, action="post_", **kwargs) -> None:
    if not raw and action.startswith("post_"):  # m2m_changed also sends pre_add, pre_remove, pre_clear
        version_bump_on_commit()


def connect_signals() -> None:
    """A new version after every save, delete and many-to-many change of a public model."""
    for model in public_models():
        label = model._meta.label
        post_save.connect(_changed, sender=model, dispatch_uid=f"version-save-{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"version-delete-{label}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_changed, sender=through, dispatch_uid=f"version-m2m-{label}-{field.name}")
