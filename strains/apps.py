from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from editorial.roles import EDITOR, REVIEWER, model_permissions


class StrainsConfig(AppConfig):
    name = "strains"
    verbose_name = _("Strain profiles")
    role_permissions = {
        EDITOR: model_permissions("strains", "strainprofile", "reportedeffect"),
        REVIEWER: model_permissions("strains", "strainprofile", "reportedeffect"),
    }
