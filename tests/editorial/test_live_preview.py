"""The admin editor's live preview shows the body as readers will see it: citations numbered as on the public
page, with the sources list under them; an unknown key is named; an empty body says what to do."""

import re

import pytest
from django.conf import settings

from tests import factories

PREVIEW = settings.MARKDOWNX_URLS_PATH
pytestmark = pytest.mark.django_db


def numbers(html: str) -> list[str]:
    return re.findall(r'<sup class="citation"[^>]*><a href="#src-[a-z0-9-]+"[^>]*>(\[\d+\])</a></sup>', html)


def listed(html: str) -> list[tuple[str, str]]:
    """(number, title) of each entry in the sources list, in order."""
    return re.findall(r'<li id="src-[a-z0-9-]+-(\d+)" value="\d+">\s*(?:<a [^>]*>)?([^<.]+)', html)


def test_citations_are_numbered_and_listed_as_on_the_public_page(staff_client):
    factories.SourceFactory(key="who-2021", title="WHO review")
    factories.SourceFactory(key="fda-kratom", title="FDA and Kratom")
    body = "Dependence [@fda-kratom]. Nausea [@who-2021]. Again [@fda-kratom]."
    article = factories.ArticleFactory(body=body, published=True)

    preview = staff_client.post(PREVIEW, {"content": body}).content.decode()
    public = staff_client.get(article.get_absolute_url()).content.decode()

    assert numbers(preview) == ["[1]", "[2]", "[1]"] == numbers(public)
    assert listed(preview) == [("1", "FDA and Kratom"), ("2", "WHO review")] == listed(public)
    assert 'href="#src-draft-1"' in preview and 'id="src-draft-1"' in preview  # the numbers link to the list


def test_an_unknown_source_key_is_named_and_the_others_keep_their_numbers(staff_client):
    factories.SourceFactory(key="who-2021", title="WHO review")
    html = staff_client.post(PREVIEW, {"content": "One [@no-such-source]. Two [@who-2021]."}).content.decode()
    assert numbers(html) == ["[1]", "[2]"]
    assert listed(html) == [("2", "WHO review")]
    assert "Unknown source key(s): no-such-source" in html


def test_an_empty_body_says_what_to_do(staff_client):
    for content in ("", "  \n"):
        html = staff_client.post(PREVIEW, {"content": content}).content.decode()
        assert "Start writing: the preview appears here." in html
        assert "Sources" not in html


def test_the_sources_cost_one_query_however_many_are_cited(staff_client, django_assert_num_queries):
    keys = [factories.SourceFactory().key for _ in range(6)]
    staff_client.post(PREVIEW, {"content": "[@x]"})  # the session and the user are loaded, and cached

    def queries(cited):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            html = staff_client.post(PREVIEW, {"content": " ".join(f"[@{key}]" for key in cited)}).content.decode()
        assert len(listed(html)) == len(cited)
        return len(captured)

    assert queries(keys[:1]) == queries(keys)


def test_a_source_without_venue_or_year_ends_at_its_title(staff_client):
    factories.SourceFactory(key="plain", title="Plain source")
    factories.SourceFactory(key="full", title="Full source", venue="The Journal", year=2021)
    html = staff_client.post(PREVIEW, {"content": "[@plain] [@full]"}).content.decode()
    assert re.search(r">Plain source</a>\.\s*<span", html), html
    assert re.search(r">Full source</a>\.\s*<i>The Journal</i> \(2021\)\.\s*<span", html), html
