"""Every concrete Publishable model, found through the app registry.

editorial imports no content app; code here that must reach all content
(search, citations, re-rendering, contributor pages) asks this instead.
"""

from django.apps import apps

from .models import Publishable


def publishable_models() -> list[type[Publishable]]:
    """Concrete content models, in app registry order."""
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def child_models() -> list[tuple[type, str]]:
    """Each model of rows shown as part of an item (its `revision_children`: a strain's reported effects, a
    risk's dated legal facts), with the name of its foreign key to the item."""
    found = []
    for model in publishable_models():
        for name in getattr(model, "revision_children", {}):
            relation = getattr(model, name)  # the reverse accessor of the child's foreign key
            found.append((relation.rel.related_model, relation.field.name))
    return found
