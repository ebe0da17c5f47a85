"""Keep each Publishable's derived rows (citations, search entry) in step with it; redirects from old slugs
are the redirects app's (redirects/signals.py)."""

import functools

from django.db.models.signals import post_delete, post_save

from .models import SearchEntry
from .registry import child_models, publishable_models
from .workflow.services import content_refresh_index


def _refresh_index(sender, instance, raw=False, **kwargs) -> None:
    if not raw:  # loaddata writes rows as they are; `rerender_markdown --all` rebuilds
        content_refresh_index(instance=instance)


def _remove_search_entry(sender, instance, **kwargs) -> None:
    # Citations go with the object through its GenericRelation; the search entry has none.
    SearchEntry.remove(instance)


def _refresh_parent_index(sender, instance, parent_field: str, raw=False, **kwargs) -> None:
    # A child row (a reported effect, a dated legal fact) is part of its item's search text. Looked up, not
    # followed, so a row whose item has gone is simply skipped.
    field = sender._meta.get_field(parent_field)
    parent = None if raw else field.related_model.objects.filter(pk=getattr(instance, field.attname)).first()
    if parent is not None:
        SearchEntry.sync(parent)


for _model in publishable_models():
    post_save.connect(_refresh_index, sender=_model, dispatch_uid=f"index-{_model._meta.label}")
    post_delete.connect(_remove_search_entry, sender=_model, dispatch_uid=f"unindex-{_model._meta.label}")
for _child, _parent_field in child_models():
    _receiver = functools.partial(_refresh_parent_index, parent_field=_parent_field)
    for _signal in (post_save, post_delete):
        _signal.connect(_receiver, sender=_child, weak=False, dispatch_uid=f"parent-index-{_child._meta.label}")
