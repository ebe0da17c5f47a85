from django.utils.translation import gettext_lazy as _

from editorial import content_apps


class RisksConfig(content_apps.ContentAppConfig):
    name = "risks"
    verbose_name = _("Risks")
    content_models = ("riskitem", "legalfact")
