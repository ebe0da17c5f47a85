from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .roles import EDITOR, REVIEWER, model_permissions


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial")
    role_permissions = {
        # Contributors (names, credentials, account links) are for site administrators only.
        EDITOR: [*model_permissions("editorial", "page", "source"), "editorial.view_contributor"],
        REVIEWER: [
            *model_permissions("editorial", "page", "source", "safetynotice"),
            "editorial.view_contributor",
        ],
    }

    # Besides every Publishable, these rows appear on public pages (editorial.content_version).
    public_models = ["Contributor", "Source", "SafetyNotice"]

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import checks, signals  # noqa: F401 - registers checks and receivers
        from .content_version import connect_signals
        from .roles import apply_roles_after_migrate

        post_migrate.connect(apply_roles_after_migrate, dispatch_uid="editorial-roles")
        connect_signals()
