from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelplinesConfig(AppConfig):
    """/get-help/: the crisis lines, emergency numbers and support lines of content/helplines.toml."""

    name = "helplines"
    verbose_name = _("Helplines")
