from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from editorial.roles import MODERATOR, model_permissions


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Reader comments")
    role_permissions = {
        # Least privilege: readers' comments and addresses are for moderators only (not reviewers, not editors).
        MODERATOR: model_permissions("comments", "comment", actions=("view", "change"))
        + model_permissions("comments", "moderationsettings", actions=("view", "change")),
    }

    def ready(self) -> None:
        from . import signals  # noqa: F401 - registers receivers
