"""Keep each Publishable's SearchEntry in step with the row."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from .models import Publishable, SearchEntry


def publishable_models() -> list[type[Publishable]]:
    """Every concrete content model, found through the app registry (editorial imports no content app)."""
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def _sync_search_entry(sender, instance, raw=False, **kwargs) -> None:
    if not raw:  # fixtures load rows one by one; `rebuild_search` handles them
        SearchEntry.sync(instance)


def _remove_search_entry(sender, instance, **kwargs) -> None:
    SearchEntry.remove(instance)


for _model in publishable_models():
    post_save.connect(_sync_search_entry, sender=_model, dispatch_uid=f"search-sync-{_model._meta.label}")
    post_delete.connect(_remove_search_entry, sender=_model, dispatch_uid=f"search-remove-{_model._meta.label}")
