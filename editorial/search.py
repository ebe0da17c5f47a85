"""Site search over SearchEntry: one ranked query across every content type.

PostgreSQL: websearch syntax, weighted rank, and ts_headline snippets whose
markers are sentinel characters, swapped for <mark> only after escaping.
SQLite: every word must appear; title matches rank above summary, summary
above body; snippets are cut in Python.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SearchEntry

START, STOP = "\ue000", "\ue001"  # private-use characters: never in stored text (stripped on index)
SNIPPET_CHARS = 220


def search_entries(text: str):
    """Published entries matching `text`, title matches first, each with a `headline` on PostgreSQL."""
    entries = SearchEntry.objects.published()
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config="english")
        return (
            entries.annotate(title_vector=SearchVector("title", config="english"))
            .filter(search_vector=query)
            .annotate(
                title_hit=Case(When(title_vector=query, then=Value(1)), default=Value(0), output_field=IntegerField()),
                rank=SearchRank(F("search_vector"), query),
                headline=SearchHeadline(
                    "text", query, config="english", start_sel=START, stop_sel=STOP, max_words=40, min_words=20
                ),
            )
            .order_by("-title_hit", "-rank", "title")
        )
    words = words_of(text)
    if not words:
        return entries.none()
    for word in words:
        entries = entries.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(text__icontains=word))
    title_all = Q()
    summary_all = Q()
    for word in words:
        title_all &= Q(title__icontains=word)
        summary_all &= Q(summary__icontains=word)
    return entries.annotate(
        title_hit=Case(When(title_all, then=Value(1)), default=Value(0), output_field=IntegerField()),
        rank=Case(When(title_all, then=Value(3)), When(summary_all, then=Value(2)), default=Value(1)),
    ).order_by("-title_hit", "-rank", "title")


def words_of(text: str) -> list[str]:
    """The searchable words in a query: letters and digits, at most ten."""
    return re.findall(r"\w+", text.lower())[:10]


def snippet(entry: SearchEntry, text: str) -> SafeString:
    """Escaped excerpt of the entry with the query's words in <mark>."""
    headline = getattr(entry, "headline", None)
    if not headline:  # SQLite, or a match only in the title or summary
        headline = _cut_around_match(entry.text or entry.summary, words_of(text))
    escaped = str(escape(headline))
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped above


def _cut_around_match(body: str, words: list[str]) -> str:
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None
    match = pattern.search(body) if pattern else None
    start = max(0, match.start() - SNIPPET_CHARS // 3) if match else 0
    excerpt = body[start : start + SNIPPET_CHARS]
    if pattern:
        excerpt = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", excerpt)
    return ("…" if start else "") + excerpt + ("…" if start + SNIPPET_CHARS < len(body) else "")
