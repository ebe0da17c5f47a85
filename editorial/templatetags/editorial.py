from django import template
from django.db import DatabaseError
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from editorial.models import Contributor, SafetyNotice
from editorial.models.site import DEFAULT_SAFETY_MESSAGE
from editorial.search import snippet
from editorial.structured_data import breadcrumb_list, graph_json, site_nodes

register = template.Library()


# The 503 page sets `database_unavailable`: it must not wait on the database a second time.


@register.simple_tag(takes_context=True)
def safety_notice_message(context) -> str:
    """The safety notice's wording; the built-in text when the database is unreachable."""
    if context.get("database_unavailable"):
        return DEFAULT_SAFETY_MESSAGE
    return SafetyNotice.current_message()


@register.simple_tag(takes_context=True)
def demo_content_present(context) -> bool:
    """True while fictional demo contributors exist, so pages can say the content is a demo."""
    if context.get("database_unavailable"):
        return False
    try:
        return Contributor.objects.filter(is_demo=True).exists()
    except DatabaseError:
        return False


@register.inclusion_tag("includes/_evidence_badge.html")
def evidence_badge(claim) -> dict:
    """A claim's badge in plain words (what kind, how often, how certain), linking to what they mean."""
    return {"badge": claim.badge}


@register.simple_tag
def search_snippet(entry, query: str):
    """An escaped excerpt of a search result with the matched words highlighted."""
    return snippet(entry, query)


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's JSON-LD @graph: the site, the visible breadcrumbs, and what the view adds."""
    request = context.get("request")
    nodes = site_nodes()
    if (breadcrumbs := context.get("breadcrumbs")) and request is not None:
        nodes.append(breadcrumb_list(breadcrumbs, request.path))
    nodes += context.get("structured_data") or []
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(graph_json(nodes)))  # noqa: S308
