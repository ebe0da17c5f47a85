from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from editorial.roles import EDITOR, REVIEWER, model_permissions


class RedirectsConfig(AppConfig):
    name = "redirects"
    label = "site_redirects"  # "redirects" is django.contrib.redirects' label
    verbose_name = _("Redirects")
    role_permissions = {
        EDITOR: model_permissions("site_redirects", "redirect"),
        REVIEWER: model_permissions("site_redirects", "redirect"),
    }

    def ready(self) -> None:
        from . import signals  # noqa: F401 - registers receivers
