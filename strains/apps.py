from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrainsConfig(AppConfig):
    name = "strains"
    verbose_name = _("Strain profiles")

    def ready(self) -> None:
        from . import signals  # noqa: F401
