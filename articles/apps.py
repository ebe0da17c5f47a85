from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from editorial.roles import EDITOR, REVIEWER, model_permissions


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")
    role_permissions = {
        EDITOR: model_permissions("articles", "article", "topic"),
        REVIEWER: model_permissions("articles", "article", "topic"),
    }
