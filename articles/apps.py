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
    public_models = ["Topic"]  # editorial.content_version

    def next_public_change(self, now):
        """When the next article's replies close (its page then shows them closed)."""
        from datetime import timedelta

        from django.conf import settings
        from django.db.models import Min

        from .models import Article

        open_for = timedelta(days=settings.COMMENTS_CLOSE_AFTER_DAYS)
        first = Article.objects.published().filter(comments_enabled=True, published_at__gt=now - open_for)
        oldest = first.aggregate(at=Min("published_at"))["at"]
        return oldest + open_for if oldest else None
