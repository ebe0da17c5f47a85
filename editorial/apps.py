from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401 - registers checks and receivers
