from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import EvidenceLevel, Publishable


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


class RiskItem(Publishable):
    category = models.CharField(_("category"), max_length=30, choices=RiskCategory.choices, db_index=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    evidence_level = models.CharField(_("evidence level"), max_length=20, choices=EvidenceLevel.choices)
    what_to_do = models.TextField(
        _("what a reader should do"), help_text=_("Plain text: practical, non-clinical steps. No dosing advice.")
    )

    class Meta(Publishable.Meta):
        ordering = ["category", "title"]
        verbose_name = _("risk item")
        verbose_name_plural = _("risk items")

    def get_absolute_url(self) -> str:
        return reverse("risks:detail", kwargs={"slug": self.slug})

    def search_text(self) -> str:
        return f"{self.what_to_do}\n{super().search_text()}"
