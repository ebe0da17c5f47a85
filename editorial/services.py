"""Multi-step writes with side effects. Keyword-only, typed arguments."""

from .models import Citation, Publishable, SearchEntry


def content_refresh_index(*, instance: Publishable) -> None:
    """Rewrite the rows derived from a saved item: its citations and its search entry."""
    Citation.sync(instance)
    SearchEntry.sync(instance)
