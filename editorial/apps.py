from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .roles import EDITOR, REVIEWER, model_permissions


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial")
    role_permissions = {
        EDITOR: model_permissions("editorial", "page", "source", "contributor"),
        REVIEWER: model_permissions("editorial", "page", "source", "contributor", "safetynotice"),
    }

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import checks, signals  # noqa: F401 - registers checks and receivers
        from .roles import apply_roles_after_migrate

        post_migrate.connect(apply_roles_after_migrate, dispatch_uid="editorial-roles")
