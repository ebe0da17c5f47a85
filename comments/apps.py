from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from editorial.roles import MODERATOR, REVIEWER, model_permissions


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Reader comments")
    role_permissions = {
        MODERATOR: model_permissions("comments", "comment", actions=("view", "change"))
        + model_permissions("comments", "moderationsettings", actions=("view", "change")),
        REVIEWER: model_permissions("comments", "comment", actions=("view",)),
    }

    def ready(self) -> None:
        from . import signals  # noqa: F401 - registers receivers
