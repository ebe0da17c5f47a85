"""What kind of claim something is, how sure we are of it, and for harms how often it happens.

Two questions, kept apart (as GRADE rates certainty per outcome, and NCCIH splits "what the science says" from
"safety"): does it help, and what harm is documented. A harm's certainty says how sure we are that it happens,
never how likely or how bad it is, so a low certainty can never read as "probably harmless".
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ClaimKind(models.TextChoices):
    HARM = "harm", _("Documented harm")
    INTERACTION = "interaction", _("Interaction")
    BENEFIT = "benefit", _("Possible benefit")
    REPORTED = "reported", _("Reported by users")
    UNKNOWN = "unknown", _("Not known")
    FACT = "fact", _("Dated fact (law or regulation)")


class Certainty(models.TextChoices):
    """How sure we are that the claim is true, most certain first (GRADE's four levels, and "not tested")."""

    HIGH = "high", _("High")
    MODERATE = "moderate", _("Moderate")
    LOW = "low", _("Low")
    VERY_LOW = "very_low", _("Very low")
    NOT_TESTED = "not_tested", _("Not tested in studies")


class Frequency(models.TextChoices):
    """How often a harm happens to people who use kratom (the usual convention of medicine leaflets)."""

    VERY_COMMON = "very_common", _("very common (more than 1 in 10)")
    COMMON = "common", _("common (up to 1 in 10)")
    UNCOMMON = "uncommon", _("uncommon (up to 1 in 100)")
    RARE = "rare", _("rare (up to 1 in 1,000)")
    UNKNOWN = "unknown", _("unknown")


RATED = [Certainty.HIGH, Certainty.MODERATE, Certainty.LOW, Certainty.VERY_LOW]
HARMS = [ClaimKind.HARM, ClaimKind.INTERACTION]

CERTAINTY_DESCRIPTIONS = {
    Certainty.HIGH: _("Consistent results from well-run controlled trials or large studies. Unlikely to change."),
    Certainty.MODERATE: _(
        "Several good studies point the same way, or a harm is documented again and again in different places. "
        "Further research could change the details."
    ),
    Certainty.LOW: _(
        "Surveys, observational or small studies. They show it happens to some people; the true picture may be "
        "quite different."
    ),
    Certainty.VERY_LOW: _(
        "Case reports, laboratory or animal studies, or flawed studies. For a harm, a warning sign to take "
        "seriously; for a benefit, a reason to study it, not to rely on it."
    ),
    Certainty.NOT_TESTED: _("No study has tested it: only what people say happened to them (anecdote)."),
}


@dataclass(frozen=True)
class Badge:
    """The plain words a reader sees for one claim, and the anchor on /evidence-levels/ that explains them."""

    kind: str
    parts: tuple[str, ...]
    anchor: str

    @property
    def text(self) -> str:
        return " · ".join((self.kind, *self.parts))


def badge(kind: str, certainty: str = "", frequency: str = "") -> Badge:
    """The badge for a claim. Harms always say how often (even "unknown") and how certain; nothing says a
    harm is "not established", and nothing about a benefit implies that it works."""
    kind = ClaimKind(kind) if kind in ClaimKind.values else ClaimKind.UNKNOWN
    certainty_label = str(Certainty(certainty).label).lower() if certainty in Certainty.values else ""
    if kind in HARMS:
        how_often = str(Frequency(frequency).label) if frequency in Frequency.values else str(Frequency.UNKNOWN.label)
        lead = _("Documented in people") if kind == ClaimKind.HARM else _("Interaction documented")
        return Badge(str(lead), (f"how often: {how_often}", f"certainty: {certainty_label or 'very low'}"), kind)
    if kind == ClaimKind.BENEFIT:
        if certainty in ("", Certainty.NOT_TESTED):
            return Badge(str(_("Possible benefit")), (str(_("not tested in trials")),), kind)
        return Badge(str(_("Possible benefit")), (f"certainty: {certainty_label}",), kind)
    if kind == ClaimKind.REPORTED:
        return Badge(str(_("Reported by users")), (str(_("anecdote, not tested")),), kind)
    if kind == ClaimKind.FACT:
        return Badge(str(_("Law and regulation")), (str(_("each fact dated, with its source")),), kind)
    return Badge(str(_("Not known")), (str(_("not studied enough to say")),), kind)


def _claim_constraints() -> list[models.CheckConstraint]:
    """The rules of a claim, in the database: harms carry a rated certainty and a frequency (which may be
    "unknown"); anecdote is never rated; facts carry neither (their date is their qualifier)."""
    no_frequency = Q(frequency="")
    return [
        models.CheckConstraint(
            name="%(app_label)s_%(class)s_claim_is_consistent",
            condition=(
                Q(claim_kind__in=HARMS, certainty__in=RATED) & ~no_frequency
                | Q(claim_kind=ClaimKind.BENEFIT, certainty__in=Certainty.values) & no_frequency
                | Q(claim_kind=ClaimKind.REPORTED, certainty=Certainty.NOT_TESTED) & no_frequency
                | Q(claim_kind__in=[ClaimKind.UNKNOWN, ClaimKind.FACT], certainty="") & no_frequency
            ),
            violation_error_message=_(
                "A harm or interaction needs a certainty (high to very low) and a frequency (which may be "
                "unknown); a user report is 'not tested'; a fact or an unknown has neither."
            ),
        )
    ]


class EvidenceClaim(models.Model):
    """The fields of one claim. A model that mixes it in with another abstract base joins both Metas'
    constraints in its own."""

    claim_kind = models.CharField(
        _("kind of claim"),
        max_length=12,
        choices=ClaimKind.choices,
        help_text=_("Is this a documented harm, an interaction, a possible benefit, a user report, or not known?"),
    )
    certainty = models.CharField(
        _("certainty"),
        max_length=12,
        choices=Certainty.choices,
        blank=True,
        help_text=_(
            "How sure we are that the claim is true (not how serious it is). Required for harms, interactions "
            "and benefits; user reports are 'not tested'; leave empty for facts and unknowns."
        ),
    )
    frequency = models.CharField(
        _("how often"),
        max_length=12,
        choices=Frequency.choices,
        blank=True,
        help_text=_("Harms and interactions only: how often it happens. 'Unknown' is an honest answer."),
    )
    frequency_note = models.CharField(
        _("frequency note"),
        max_length=200,
        blank=True,
        help_text=_("Optional: where the numbers come from, e.g. which survey found what share."),
    )

    class Meta:
        abstract = True
        constraints = _claim_constraints()

    def clean(self) -> None:
        super().clean()
        problems = {}
        if self.claim_kind in HARMS:
            if self.certainty not in RATED:
                problems["certainty"] = _("Rate how certain this harm is, from high to very low.")
            if not self.frequency:
                problems["frequency"] = _("Say how often it happens. Choose 'unknown' when no study says.")
        elif self.frequency:
            problems["frequency"] = _("Only harms and interactions have a frequency.")
        if self.claim_kind == ClaimKind.BENEFIT and not self.certainty:
            problems["certainty"] = _("Rate the benefit's certainty, or choose 'not tested in studies'.")
        if self.claim_kind == ClaimKind.REPORTED and self.certainty != Certainty.NOT_TESTED:
            problems["certainty"] = _("A user report is anecdote: choose 'not tested in studies'.")
        if self.claim_kind in (ClaimKind.UNKNOWN, ClaimKind.FACT) and self.certainty:
            problems["certainty"] = _("Facts and unknowns have no certainty rating; leave it empty.")
        if problems:
            raise ValidationError(problems)

    @property
    def badge(self) -> Badge:
        return badge(self.claim_kind, self.certainty, self.frequency)


def evidence_scale() -> dict:
    """What /evidence-levels/ shows: a real badge of each kind, and the certainty and frequency scales."""
    return {
        "help": [badge(ClaimKind.BENEFIT, c) for c in (Certainty.LOW, Certainty.NOT_TESTED)]
        + [badge(ClaimKind.REPORTED, Certainty.NOT_TESTED), badge(ClaimKind.UNKNOWN)],
        "harm": [
            badge(ClaimKind.HARM, Certainty.MODERATE, Frequency.UNKNOWN),
            badge(ClaimKind.INTERACTION, Certainty.LOW, Frequency.UNKNOWN),
        ],
        "certainties": [(c, CERTAINTY_DESCRIPTIONS[c]) for c in Certainty],
        "frequencies": list(Frequency),
    }
