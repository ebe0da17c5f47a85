"""schema.org JSON-LD for search engines: one @graph per page, built from the same rows the page shows.

Every page: the Organization and the WebSite (with its SearchAction), and a BreadcrumbList that matches
the visible breadcrumbs. Views add their own node (`structured_data` in the context): MedicalWebPage for
a content item's page (medical_web_page here); a content app builds any other node itself, from these parts
(the FAQ's FAQPage: faq/structured_data.py). Absolute URLs come from SITE_URL.
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

# As Django's json_script: these three can end a <script> element or start markup inside it.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
NAME = "Kratom Info"
DEFAULT_IMAGE = "img/social-card.png"  # 1200 x 630, for link previews


KRATOM = {"@type": "Substance", "name": "Kratom", "alternateName": "Mitragyna speciosa"}
DEPRESSION = {"@type": "MedicalCondition", "name": "Depression"}


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def ids() -> dict[str, str]:
    return {"organization": absolute("/#organization"), "website": absolute("/#website")}


def site_nodes() -> list[dict]:
    """The Organization and the WebSite, with the site search as a SearchAction."""
    search = absolute(reverse("search"))
    return [
        {
            "@type": "Organization",
            "@id": ids()["organization"],
            "name": NAME,
            "url": absolute("/"),
            "logo": absolute(static(DEFAULT_IMAGE)),
        },
        {
            "@type": "WebSite",
            "@id": ids()["website"],
            "name": NAME,
            "url": absolute("/"),
            "inLanguage": "en",
            "publisher": {"@id": ids()["organization"]},
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
                "query-input": "required name=search_term_string",
            },
        },
    ]


def breadcrumb_list(breadcrumbs: list[tuple[str, str | None]], path: str) -> dict:
    """The visible breadcrumbs, in order; the last one is the page itself."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": label, "item": absolute(url or path)}
            for number, (label, url) in enumerate(breadcrumbs, start=1)
        ],
    }


def person(contributor) -> dict:
    """A contributor with their credentials and their page here."""
    node = {"@type": "Person", "name": contributor.name, "url": absolute(contributor.get_absolute_url())}
    if contributor.credentials:
        node["hasCredential"] = {"@type": "EducationalOccupationalCredential", "name": contributor.credentials}
    return node


def citation(source) -> dict:
    node = {"@type": "CreativeWork", "name": source.title}
    for key, value in (("url", source.link), ("author", source.authors), ("datePublished", source.year)):
        if value:
            node[key] = str(value)
    return node


def medical_web_page(obj, about: list[dict]) -> dict:
    """A content item's page: who wrote and reviewed it, when, and the sources it cites."""
    node = {
        "@type": "MedicalWebPage",
        "@id": absolute(obj.get_absolute_url()),
        "url": absolute(obj.get_absolute_url()),
        "name": obj.title,
        "headline": obj.title,
        "description": obj.summary,
        "inLanguage": "en",
        "isPartOf": {"@id": ids()["website"]},
        "publisher": {"@id": ids()["organization"]},
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "about": about,
        "datePublished": obj.published_at.isoformat(),
        "dateModified": obj.updated_at.isoformat(),
        "citation": [citation(c.source) for c in obj.citations.all()],
        "image": absolute(static(DEFAULT_IMAGE)),
    }
    if obj.author_id:
        node["author"] = person(obj.author)
    if obj.reviewed_by_id:
        node["reviewedBy"] = person(obj.reviewed_by)
    if obj.last_reviewed_at:
        node["lastReviewed"] = obj.last_reviewed_at.date().isoformat()
    return node


def graph_json(nodes: list[dict]) -> str:
    """The @graph as text safe inside <script type="application/ld+json">."""
    document = {"@context": "https://schema.org", "@graph": nodes}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).translate(JSON_SCRIPT_ESCAPES)
