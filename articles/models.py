import math
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.models import Publishable, PublishableQuerySet

# 200, the slow end of adult silent reading (200-230): health pages are read carefully, often on a phone and
# by readers in a second language, and an estimate that runs short reads as a promise the page then breaks.
WORDS_PER_MINUTE = 200


class Topic(models.Model):
    class Kind(models.TextChoices):
        TOPIC = "topic", _("topic")
        CATEGORY = "category", _("category (imported from WordPress)")
        TAG = "tag", _("tag (imported from WordPress)")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TOPIC)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('articles:list')}?topic={self.slug}"


def replies_open_for() -> timedelta:
    """How long after publication an article takes replies: the one statement of that rule."""
    return timedelta(days=settings.COMMENTS_CLOSE_AFTER_DAYS)


class ArticleQuerySet(PublishableQuerySet):
    def next_replies_close(self, now):
        """When the next published article's replies close (its page then shows them closed), or None."""
        still_open = self.published(now).filter(comments_enabled=True, published_at__gt=now - replies_open_for())
        oldest = still_open.aggregate(at=Min("published_at"))["at"]
        return oldest + replies_open_for() if oldest else None


class Article(Publishable):
    key_takeaways = models.TextField(
        _("key takeaways"), blank=True, help_text=_("One takeaway per line, plain text. Shown above the body.")
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="articles")
    related_risks = models.ManyToManyField("risks.RiskItem", verbose_name=_("related risks"), blank=True)
    related_faqs = models.ManyToManyField("faq.FAQEntry", verbose_name=_("related FAQ entries"), blank=True)
    is_featured = models.BooleanField(_("featured"), default=False, help_text=_("Shown on the home page."))
    comments_enabled = models.BooleanField(_("replies open"), default=True)
    reading_time = models.PositiveSmallIntegerField(
        _("reading time (minutes)"),
        default=1,
        editable=False,
        help_text=_("Computed when saved from the body and key takeaways: 200 words a minute, rounded up."),
    )

    derived_fields = (*Publishable.derived_fields, "reading_time")
    objects = ArticleQuerySet.as_manager()
    # django-simple-history records these many-to-many fields with each version.
    _history_m2m_fields = ["topics", "related_risks", "related_faqs"]

    class Meta(Publishable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def comments_open(self) -> bool:
        """Replies are open while switched on, for `replies_open_for()` after publication."""
        if not self.comments_enabled or self.published_at is None:
            return False
        return timezone.now() < self.published_at + replies_open_for()

    @property
    def takeaways(self) -> list[str]:
        return [line.strip(" -*\t") for line in self.key_takeaways.splitlines() if line.strip(" -*\t")]

    def render_markdown(self) -> None:
        super().render_markdown()
        words = len(self.search_text().split())  # the body and the key takeaways, as migration 0006 counts
        self.reading_time = max(1, math.ceil(words / WORDS_PER_MINUTE))

    def search_text(self) -> str:
        return f"{self.key_takeaways}\n{super().search_text()}"
