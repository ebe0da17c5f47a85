from django import template

from editorial.models import EvidenceLevel, SafetyNotice

register = template.Library()


@register.simple_tag
def safety_notice_message() -> str:
    """The safety notice's wording; the built-in text when the database is unreachable."""
    return SafetyNotice.current_message()


@register.inclusion_tag("includes/_evidence_badge.html")
def evidence_badge(level: str) -> dict:
    """A labelled badge for an evidence level, linking to the explanation of the levels."""
    try:
        evidence = EvidenceLevel(level)
    except ValueError:
        evidence = EvidenceLevel.NONE_FOUND
    return {"level": evidence}
