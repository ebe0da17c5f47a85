"""Every concrete Publishable model, found through the app registry.

editorial imports no content app; code here that must reach all content
(search, citations, re-rendering, contributor pages) asks this instead.
"""

from django.apps import apps

from .models import Publishable


def publishable_models() -> list[type[Publishable]]:
    """Concrete content models, in app registry order."""
    return [model for model in apps.get_models() if issubclass(model, Publishable)]
