"""Keep each Publishable's derived rows (citations, search entry) in step with it."""

from django.db.models.signals import post_delete, post_save

from .models import SearchEntry
from .registry import publishable_models
from .services import content_refresh_index


def _refresh_index(sender, instance, raw=False, **kwargs) -> None:
    if not raw:  # loaddata writes rows as they are; `rerender_markdown --all` rebuilds
        content_refresh_index(instance=instance)


def _remove_search_entry(sender, instance, **kwargs) -> None:
    # Citations go with the object through its GenericRelation; the search entry has none.
    SearchEntry.remove(instance)


for _model in publishable_models():
    post_save.connect(_refresh_index, sender=_model, dispatch_uid=f"index-{_model._meta.label}")
    post_delete.connect(_remove_search_entry, sender=_model, dispatch_uid=f"unindex-{_model._meta.label}")
