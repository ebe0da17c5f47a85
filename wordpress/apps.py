from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordpressConfig(AppConfig):
    """Moving in from WordPress: `manage.py import_wxr` (docs/operations.md, "Moving from WordPress")."""

    name = "wordpress"
    verbose_name = _("WordPress import")
