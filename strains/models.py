from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import EvidenceClaim, Publishable


class VeinColour(models.TextChoices):
    RED = "red", _("Red vein")
    GREEN = "green", _("Green vein")
    WHITE = "white", _("White vein")


class StrainProfile(Publishable):
    """One vein-colour category as it is sold; colour and region names are trade labels."""

    vein_colour = models.CharField(_("vein colour"), max_length=10, choices=VeinColour.choices, unique=True)
    marketed_names = models.TextField(
        _("marketed names"), blank=True, help_text=_('Names sellers use, one per line, e.g. "Red Bali".')
    )
    cautions = models.TextField(_("cautions"), blank=True, help_text=_("Plain text, one caution per line."))

    # Reported effects are content: an edit to them on a live profile waits for review too.
    revision_children = {
        "effects": ("effect", "claim_kind", "certainty", "frequency", "frequency_note", "source", "order")
    }

    class Meta(Publishable.Meta):
        ordering = ["vein_colour"]
        verbose_name = _("strain profile")
        verbose_name_plural = _("strain profiles")

    def get_absolute_url(self) -> str:
        return reverse("strains:detail", kwargs={"slug": self.slug})

    @property
    def marketed_name_list(self) -> list[str]:
        return [name.strip() for name in self.marketed_names.splitlines() if name.strip()]

    @property
    def caution_list(self) -> list[str]:
        return [line.strip() for line in self.cautions.splitlines() if line.strip()]

    def publication_problems(self) -> list[str]:
        if unsourced := [e.effect for e in self.effects.all() if e.source_id is None]:
            return [str(_("Every reported effect needs a source. None given for: %s.") % "; ".join(unsourced))]
        return []

    def search_text(self) -> str:
        effects = " ".join(self.effects.values_list("effect", flat=True)) if self.pk else ""
        return f"{self.marketed_names}\n{effects}\n{self.cautions}\n{super().search_text()}"


class ReportedEffect(EvidenceClaim):
    """An effect people report for a strain: what kind of claim it is, how certain, and who says so."""

    strain = models.ForeignKey(StrainProfile, on_delete=models.CASCADE, related_name="effects")
    effect = models.CharField(_("effect"), max_length=200)
    # Required in every form; the column stays nullable only for rows written before sources were required,
    # which a strain cannot be (re)published with (StrainProfile.publication_problems).
    source = models.ForeignKey("editorial.Source", verbose_name=_("source"), on_delete=models.PROTECT, null=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta(EvidenceClaim.Meta):
        ordering = ["order", "pk"]
        verbose_name = _("reported effect")
        verbose_name_plural = _("reported effects")

    def __str__(self) -> str:
        return f"{self.effect} ({self.badge.text})"
