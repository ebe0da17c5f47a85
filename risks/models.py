from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from editorial.models import ClaimKind, EvidenceClaim, Publishable


class RiskCategory(models.TextChoices):
    REGULATION_AND_QUALITY = "regulation_quality", _("Regulation and quality")
    DEPENDENCE_AND_WITHDRAWAL = "dependence_withdrawal", _("Dependence and withdrawal")
    INTERACTIONS = "interactions", _("Interactions")
    EVIDENCE_GAPS = "evidence_gaps", _("Evidence gaps")
    INDIVIDUAL_VARIATION = "individual_variation", _("Individual variation")
    SIDE_EFFECTS = "side_effects", _("Side effects")
    LEGAL_STATUS = "legal_status", _("Legal status")


class Severity(models.TextChoices):
    """How much harm the risk can do, most serious first."""

    SERIOUS = "serious", _("Serious")
    HIGH = "high", _("High")
    MODERATE = "moderate", _("Moderate")
    LOW = "low", _("Low")


class RiskItem(EvidenceClaim, Publishable):
    """A risk: a documented harm or interaction, a gap in what is known, or (kind "fact") the law."""

    category = models.CharField(_("category"), max_length=30, choices=RiskCategory.choices, db_index=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    what_to_do = models.TextField(
        _("what a reader should do"), help_text=_("Plain text: practical, non-clinical steps. No dosing advice.")
    )

    # Dated legal facts are content: an edit to them on a live item waits for review too.
    revision_children = {"legal_facts": ("jurisdiction", "status", "as_of", "source", "order")}

    class Meta(Publishable.Meta):
        ordering = ["category", "title"]
        constraints = [*Publishable.Meta.constraints, *EvidenceClaim.Meta.constraints]
        verbose_name = _("risk item")
        verbose_name_plural = _("risk items")

    def get_absolute_url(self) -> str:
        return reverse("risks:detail", kwargs={"slug": self.slug})

    def publication_problems(self) -> list[str]:
        if self.claim_kind == ClaimKind.FACT and not list(self.legal_facts.all()):  # a revision's, when previewed
            return [str(_("A legal or regulatory item needs at least one dated fact, each with its source."))]
        return []

    def search_text(self) -> str:
        facts = " ".join(f"{f.jurisdiction} {f.status}" for f in self.legal_facts.all()) if self.pk else ""
        return f"{self.what_to_do}\n{facts}\n{super().search_text()}"


class LegalFact(models.Model):
    """One jurisdiction's law or regulator's position, true as of a date, with the source that says so."""

    risk = models.ForeignKey(RiskItem, on_delete=models.CASCADE, related_name="legal_facts")
    jurisdiction = models.CharField(_("jurisdiction"), max_length=100, help_text=_('e.g. "United States (federal)".'))
    status = models.TextField(_("status"), max_length=500, help_text=_("One or two plain sentences."))
    as_of = models.DateField(
        _("as of"), help_text=_("The date this was true: the law's effective date, or the date of the statement.")
    )
    source = models.ForeignKey("editorial.Source", verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("dated legal fact")
        verbose_name_plural = _("dated legal facts")

    def __str__(self) -> str:
        return f"{self.jurisdiction}, as of {date_format(self.as_of, 'j F Y')}"
