from django.utils.translation import gettext_lazy as _

from editorial import content_apps


class ArticlesConfig(content_apps.ContentAppConfig):
    name = "articles"
    verbose_name = _("Articles")
    content_models = ("article", "topic")
    public_models = ("Topic",)

    def next_public_change(self, now):
        """When the next article's replies close (its page then shows them closed)."""
        from .models import Article

        return Article.objects.next_replies_close(now)
