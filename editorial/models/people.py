"""The people behind the content and the sources it cites."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..fields import HttpsURLField


class Contributor(models.Model):
    """An author or medical reviewer, shown publicly with credentials and conflicts."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    credentials = models.CharField(
        _("credentials"), max_length=200, blank=True, help_text=_('For example "MD, board-certified psychiatrist".')
    )
    bio = models.TextField(_("biography"), blank=True)
    conflicts_of_interest = models.TextField(
        _("conflicts of interest"),
        blank=True,
        help_text=_('Leave empty only if there are none; the page then says "None declared".'),
    )
    is_demo = models.BooleanField(
        _("demo profile"), default=False, help_text=_("A fictional person used by demo content; pages show a banner.")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributor",
    )
    review_reminder_sent_at = models.DateTimeField(
        _("review reminder last sent"), null=True, blank=True, editable=False
    )
    history = HistoricalRecords(excluded_fields=["review_reminder_sent_at"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    def get_absolute_url(self) -> str:
        return reverse("contributor_detail", kwargs={"slug": self.slug})


class SourceType(models.TextChoices):
    SYSTEMATIC_REVIEW = "systematic_review", _("Systematic review")
    SCOPING_REVIEW = "scoping_review", _("Scoping or narrative review")
    COMMENTARY = "commentary", _("Commentary or expert opinion")
    RCT = "rct", _("Randomised controlled trial")
    OBSERVATIONAL = "observational", _("Observational study")
    CASE_REPORT = "case_report", _("Case report")
    SURVEY = "survey", _("Survey")
    LAB_OR_ANIMAL = "lab_or_animal", _("Laboratory or animal study")
    GOVERNMENT = "government", _("Government agency")
    LAW = "law", _("Law or regulation")
    ADVOCACY = "advocacy", _("Advocacy group")
    INDUSTRY = "industry", _("Industry")
    NEWS = "news", _("News")


class Source(models.Model):
    """Something we cite; `[@key]` in Markdown refers to it by `key`."""

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("Short handle used in Markdown as [@key], e.g. fda-kratom-2024."),
    )
    title = models.CharField(_("title"), max_length=400)
    authors = models.CharField(_("authors"), max_length=400, blank=True)
    venue = models.CharField(_("journal or publisher"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    url = HttpsURLField(_("URL"), max_length=500, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    pmid = models.CharField(_("PubMed ID"), max_length=20, blank=True)
    source_type = models.CharField(_("type"), max_length=30, choices=SourceType.choices)
    accessed = models.DateField(
        _("accessed"), null=True, blank=True, help_text=_("For web pages: the date you last checked what it says.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def clean(self) -> None:
        super().clean()
        if not (self.url or self.doi or self.pmid):
            raise ValidationError(_("Give a URL, a DOI or a PubMed ID, so readers can check the source."))
        if self.pk:
            old_key = type(self).objects.filter(pk=self.pk).values_list("key", flat=True).first()
            if old_key and old_key != self.key and self.citations.exists():
                raise ValidationError(
                    {"key": _("Items cite this source as [@%(key)s]; change those citations first.") % {"key": old_key}}
                )

    @property
    def link(self) -> str:
        """Where a reader can check the source: the URL, else the DOI or PubMed record."""
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return ""
