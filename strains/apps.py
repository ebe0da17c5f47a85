from django.utils.translation import gettext_lazy as _

from editorial import content_apps


class StrainsConfig(content_apps.ContentAppConfig):
    name = "strains"
    verbose_name = _("Strain profiles")
    content_models = ("strainprofile", "reportedeffect")
