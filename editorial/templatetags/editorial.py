from django import template
from django.db import DatabaseError

from editorial.models import Contributor, EvidenceLevel, SafetyNotice
from editorial.search import snippet

register = template.Library()


@register.simple_tag
def safety_notice_message() -> str:
    """The safety notice's wording; the built-in text when the database is unreachable."""
    return SafetyNotice.current_message()


@register.simple_tag
def demo_content_present() -> bool:
    """True while fictional demo contributors exist, so pages can say the content is a demo."""
    try:
        return Contributor.objects.filter(is_demo=True).exists()
    except DatabaseError:
        return False


@register.inclusion_tag("includes/_evidence_badge.html")
def evidence_badge(level: str) -> dict:
    """A labelled badge for an evidence level, linking to the explanation of the levels."""
    try:
        evidence = EvidenceLevel(level)
    except ValueError:
        evidence = EvidenceLevel.NONE_FOUND
    return {"level": evidence}


@register.simple_tag
def search_snippet(entry, query: str):
    """An escaped excerpt of a search result with the matched words highlighted."""
    return snippet(entry, query)
