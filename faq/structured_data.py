"""The FAQ's schema.org node: the list page as an FAQPage (see editorial/structured_data.py for the rest)."""

from django.urls import reverse
from django.utils.html import strip_tags

from editorial.structured_data import absolute


def faq_page(entries) -> dict:
    """The FAQ: each entry a Question with its answer as plain text."""
    return {
        "@type": "FAQPage",
        "@id": absolute(reverse("faq:list")),
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.title,
                "url": absolute(entry.get_absolute_url()),
                "acceptedAnswer": {"@type": "Answer", "text": strip_tags(entry.body_html).strip() or entry.summary},
            }
            for entry in entries
        ],
    }
