from datetime import timedelta

import pytest
from django.utils import timezone

from editorial.models import Status
from tests import factories
from tests.html_checks import elements

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    factories.RiskItemFactory(
        published=True, title="Withdrawal symptoms", summary="What stopping can feel like.", body="Plain text."
    )
    factories.ArticleFactory(
        published=True,
        title="Living with low mood",
        summary="A gentle overview.",
        body="Some people describe withdrawal after daily use. More text here.",
    )
    factories.FAQEntryFactory(title="Is it legal?", body="It depends where you live.")  # a draft: never found


def result_titles(client, query) -> list[str]:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [entry.title for entry in response.context["object_list"]]


def test_title_matches_rank_above_body_matches(client, corpus):
    assert result_titles(client, "withdrawal") == ["Withdrawal symptoms", "Living with low mood"]


def test_unpublished_and_scheduled_items_are_never_found(client, corpus):
    factories.ArticleFactory(published=True, title="Legal status explained")
    factories.ArticleFactory(published=True, published_at=timezone.now() + timedelta(days=1), title="Legal, scheduled")
    factories.ArticleFactory(status=Status.ARCHIVED, title="Legal, archived")
    assert result_titles(client, "legal") == ["Legal status explained"]


def test_snippets_highlight_matches_and_escape_content(client):
    factories.ArticleFactory(
        published=True, title="Angle brackets", body="Text about <b>withdrawal</b> & other things [x](javascript:y)"
    )
    html = client.get("/search/", {"q": "withdrawal"}).content.decode()
    assert "<mark>withdrawal</mark>" in html.replace("<mark>Withdrawal</mark>", "<mark>withdrawal</mark>")
    scripts = [attrs for tag, attrs in elements(html) if tag == "script"]
    assert [tag for tag, _ in elements(html) if tag == "b"] == []
    assert all(attrs.get("type") == "application/ld+json" for attrs in scripts)  # only the page's JSON-LD


def test_a_query_in_the_content_cannot_inject_markup(client, corpus):
    html = client.get("/search/", {"q": '<script>alert(1)</script> withdrawal "'}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("query", ["", "   ", "!!!", "???", "%", "_", "'", '"', "-", "a" * 200, "🙂", "SELECT * FROM"])
def test_empty_or_junk_queries_get_a_helpful_200_page(client, corpus, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert response.content.decode().count("data-safety-notice") == 1


@pytest.mark.parametrize("query", ["a" * 201, "x" * 10_000, "withdrawal\x00", "\x00"])
def test_over_long_or_nul_queries_get_a_400_page(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert html.count("data-safety-notice") == 1


@pytest.mark.parametrize("page", ["0", "abc", "99", "\x00"])
def test_junk_page_numbers_are_404(client, corpus, page):
    assert client.get("/search/", {"q": "withdrawal", "page": page}).status_code == 404


def test_search_result_pages_are_not_indexed(client, corpus):
    assert '<meta name="robots" content="noindex">' in client.get("/search/", {"q": "withdrawal"}).content.decode()


@pytest.mark.postgres
def test_postgresql_understands_websearch_syntax(client, corpus):
    assert result_titles(client, "withdrawal -symptoms") == ["Living with low mood"]
    assert result_titles(client, '"low mood"') == ["Living with low mood"]
    assert result_titles(client, "withdrawals") == ["Withdrawal symptoms", "Living with low mood"]  # stemming
