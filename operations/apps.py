from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: the health check, request ids, database bounds and outage pages, start-up checks,
    and `manage.py backup` / `restore` (docs/operations.md)."""

    name = "operations"
