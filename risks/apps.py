from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from editorial.roles import EDITOR, REVIEWER, model_permissions


class RisksConfig(AppConfig):
    name = "risks"
    verbose_name = _("Risks")
    role_permissions = {
        EDITOR: model_permissions("risks", "riskitem", "legalfact"),
        REVIEWER: model_permissions("risks", "riskitem", "legalfact"),
    }
