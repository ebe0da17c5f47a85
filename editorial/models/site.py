"""Site-wide content: standing pages and the safety notice."""

import logging

from django.db import DatabaseError, models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .publishable import Publishable

logger = logging.getLogger(__name__)


class Page(Publishable):
    """A standing page: About, editorial policy, privacy, evidence levels."""

    class Meta(Publishable.Meta):
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["title"]

    def get_absolute_url(self) -> str:
        return reverse("page_detail", kwargs={"slug": self.slug})


DEFAULT_SAFETY_MESSAGE = (
    "This site gives general information, not medical advice. Kratom is not an approved "
    "treatment for depression. Tell your doctor or pharmacist if you use kratom or are "
    "thinking about it, especially if you take other medicines."
)


class SingletonModel(models.Model):
    """A settings-like model with one row at most (pk 1), enforced by the database."""

    SINGLETON_PK = 1

    class Meta:
        abstract = True
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="%(class)s_single_row")]

    def save(self, *args, **kwargs) -> None:
        self.pk = self.SINGLETON_PK  # saving "another" row edits the one row
        super().save(*args, **kwargs)


class SafetyNotice(SingletonModel):
    """The editable wording of the notice on every public page (one row at most).

    The crisis lines and the link to /get-help/ are part of the template, not of
    this text, so an edit here can never remove them.
    """

    message = models.TextField(
        _("message"),
        max_length=600,
        default=DEFAULT_SAFETY_MESSAGE,
        help_text=_("Plain text. Must say this is not medical advice and that kratom is not an approved treatment."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta(SingletonModel.Meta):
        verbose_name = _("safety notice")
        verbose_name_plural = _("safety notice")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(_("Safety notice"))

    @classmethod
    def current_message(cls) -> str:
        """The live wording, or the built-in default when there is no row or no database."""
        try:
            message = cls.objects.filter(pk=cls.SINGLETON_PK).values_list("message", flat=True).first()
        except DatabaseError:
            logger.warning("Safety notice read failed; showing the built-in text", exc_info=True)
            return DEFAULT_SAFETY_MESSAGE
        return message or DEFAULT_SAFETY_MESSAGE


class ContentVersion(SingletonModel):
    """The content version's home (editorial.content_version): changed in the same transaction as anything
    readers see, so a committed change always comes with a new version, whatever the cache was doing."""

    version = models.CharField(max_length=32, default="initial")
    # Orders versions across nodes and restores: nanoseconds since the epoch at the change, or one more.
    serial = models.BigIntegerField(default=0)
    next_change_at = models.DateTimeField(null=True, blank=True)

    class Meta(SingletonModel.Meta):
        verbose_name = _("content version")
        verbose_name_plural = _("content version")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Content version {self.version}"
