import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from editorial.models import Status
from tests import factories

pytestmark = pytest.mark.django_db

MAX_PAGE_QUERIES = 10  # DESIGN.md: a public page uses at most 10 queries uncached


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def assert_constant_queries(client, url, make_items):
    """The page costs the same number of queries at 1, 10 and 100 items."""
    counts = []
    made = 0
    for total in (1, 10, 100):
        make_items(total - made)
        made = total
        counts.append(queries_for(client, url))
    assert counts[0] == counts[1] == counts[2], counts
    return counts[0]


def test_home_query_count_is_constant(client):
    assert (
        assert_constant_queries(client, "/", lambda n: factories.ArticleFactory.create_batch(n, published=True))
        <= MAX_PAGE_QUERIES
    )


def test_article_list_query_count_is_constant(client):
    make = lambda n: factories.ArticleFactory.create_batch(n, published=True)  # noqa: E731
    assert assert_constant_queries(client, "/articles/", make) <= MAX_PAGE_QUERIES


def test_faq_list_query_count_is_constant(client):
    make = lambda n: factories.FAQEntryFactory.create_batch(n, published=True)  # noqa: E731
    assert assert_constant_queries(client, "/faq/", make) <= MAX_PAGE_QUERIES


def test_risk_list_query_count_is_constant(client):
    make = lambda n: factories.RiskItemFactory.create_batch(n, published=True)  # noqa: E731
    assert assert_constant_queries(client, "/risks/", make) <= MAX_PAGE_QUERIES


def test_strain_pages_query_count_is_constant_in_reported_effects(client):
    strain = factories.StrainProfileFactory(published=True)
    make = lambda n: factories.ReportedEffectFactory.create_batch(n, strain=strain, source=factories.SourceFactory())  # noqa: E731
    assert assert_constant_queries(client, "/strains/", make) <= MAX_PAGE_QUERIES
    assert queries_for(client, strain.get_absolute_url()) <= MAX_PAGE_QUERIES


@pytest.mark.parametrize(
    "factory",
    [factories.ArticleFactory, factories.FAQEntryFactory, factories.RiskItemFactory, factories.PageFactory],
)
@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED])
def test_unpublished_items_are_404(client, factory, status):
    obj = factory(status=status)
    assert client.get(obj.get_absolute_url()).status_code == 404


def test_article_page_shows_review_and_takeaways(client):
    article = factories.ArticleFactory(published=True, key_takeaways="- Evidence is thin\n- Talk to a doctor")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'Medically reviewed by <a href="{article.reviewed_by.get_absolute_url()}">' in html
    assert "<li>Evidence is thin</li>" in html
    assert html.count("<h1>") == 1


def test_strain_page_says_colours_are_trade_labels(client):
    strain = factories.StrainProfileFactory(published=True)
    factories.ReportedEffectFactory(strain=strain, evidence_level="anecdotal")
    html = client.get(strain.get_absolute_url()).content.decode()
    assert "trade labels" in html
    assert "Evidence: Anecdotal (not established)" in strip_tags(html)


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999", "1" * 400, "2\x00"])
def test_junk_page_numbers_are_404_not_500(client, page):
    factories.ArticleFactory(published=True)
    assert client.get("/articles/", {"page": page}).status_code == 404


def test_public_pages_set_no_cookie(client):
    factories.ArticleFactory(published=True)
    response = client.get("/articles/")
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(client):
    from django.db import OperationalError

    def down(execute, sql, params, many, context):
        raise OperationalError("simulated outage")

    with connection.execute_wrapper(down):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
