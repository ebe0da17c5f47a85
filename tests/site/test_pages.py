import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from editorial.models import Status
from risks.models import LegalFact
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
@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
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
    factories.ReportedEffectFactory(strain=strain)
    html = client.get(strain.get_absolute_url()).content.decode()
    assert "trade labels" in html
    assert "Reported by users · anecdote, not tested" in strip_tags(html)


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
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(client):
    from django.db import OperationalError

    def down(execute, sql, params, many, context):
        raise OperationalError("simulated outage")

    with connection.execute_wrapper(down):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_article_detail_query_count_is_constant_in_sources_and_related_items(client):
    article = factories.ArticleFactory(published=True)
    made = []

    def make(n):
        for _ in range(n):
            made.append(factories.SourceFactory())
            article.related_risks.add(factories.RiskItemFactory(published=True))
            article.related_faqs.add(factories.FAQEntryFactory(published=True))
            article.topics.add(factories.TopicFactory())
        article.body = " ".join(f"Claim [@{source.key}]." for source in made)
        article.save()

    assert assert_constant_queries(client, article.get_absolute_url(), make) <= MAX_PAGE_QUERIES


def test_article_detail_shows_sources_related_items_toc_and_breadcrumbs(client):
    source = factories.SourceFactory(key="fda", title="FDA and Kratom", source_type="government")
    risk = factories.RiskItemFactory(published=True, title="Liver injury")
    hidden = factories.RiskItemFactory(title="Draft risk")
    article = factories.ArticleFactory(
        published=True, body="## One\n\nClaim [@fda].\n\n## Two\n\n### Two point one\n\ntext"
    )
    article.related_risks.add(risk, hidden)
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<li id="src-article-{article.pk}-1" value="1">' in html
    assert source.title in html and "Government agency" in html
    assert f'href="#article-{article.pk}-h-two-point-one"' in html  # the table of contents
    assert "Liver injury" in html and "Draft risk" not in html
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in html


def test_no_table_of_contents_below_three_headings(client):
    article = factories.ArticleFactory(published=True, body="## One\n\n## Two")
    assert "On this page" not in client.get(article.get_absolute_url()).content.decode()


def test_contributor_page_query_count_is_constant(client):
    person = factories.ContributorFactory(credentials="MD", conflicts_of_interest="")
    make = lambda n: factories.ArticleFactory.create_batch(n, published=True, reviewed_by=person)  # noqa: E731
    assert assert_constant_queries(client, person.get_absolute_url(), make) <= MAX_PAGE_QUERIES
    html = client.get(person.get_absolute_url()).content.decode()
    assert "None declared." in html


def test_search_query_count_is_constant(client):
    make = lambda n: factories.ArticleFactory.create_batch(n, published=True, title="Withdrawal notes")  # noqa: E731
    assert assert_constant_queries(client, "/search/?q=withdrawal", make) <= MAX_PAGE_QUERIES


def test_faq_list_groups_by_category_with_anchors(client):
    safety = factories.FAQCategoryFactory(name="Safety", slug="safety")
    entry = factories.FAQEntryFactory(published=True, category=safety, slug="is-it-safe")
    html = client.get("/faq/").content.decode()
    assert '<h2 id="cat-safety">Safety</h2>' in html
    assert '<article id="is-it-safe"' in html
    assert entry.title in html


def test_topic_filter_narrows_the_list(client):
    mood = factories.TopicFactory(slug="mood")
    shown = factories.ArticleFactory(published=True, title="On mood")
    shown.topics.add(mood)
    factories.ArticleFactory(published=True, title="Off topic")
    html = client.get("/articles/", {"topic": "mood"}).content.decode()
    assert "On mood" in html and "Off topic" not in html


@pytest.mark.parametrize("topic", ["no-such-topic", "x" * 10_000, "mood\x00", "\x00", "<script>", "1 OR 1=1"])
def test_junk_topic_filters_get_a_400_page(client, topic):
    factories.TopicFactory(slug="mood")
    response = client.get("/articles/", {"topic": topic})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert html.count("data-safety-notice") == 1
    assert "<script>" not in html


def test_risk_chart_has_a_text_alternative(client):
    factories.RiskItemFactory(published=True, severity="serious", certainty="very_low", title="Mixing")
    html = client.get("/risks/").content.decode()
    assert 'role="img" aria-labelledby="risk-chart-title risk-chart-desc"' in html
    assert "<caption>Documented harms and interactions by severity (rows) and certainty (columns)</caption>" in html
    assert ">Mixing</a>" in html


def test_evidence_levels_page_explains_every_level_with_an_anchor(client):
    html = client.get("/evidence-levels/").content.decode()
    for level in ("high", "moderate", "low", "very_low", "not_tested"):
        assert f'<dt id="{level}">' in html
    for kind in ("harm", "interaction", "benefit", "reported", "unknown", "fact"):
        assert f'id="{kind}"' in html, kind


def test_a_legal_item_query_count_is_constant_in_its_dated_facts(client):
    risk = factories.RiskItemFactory(published=True, claim_kind="fact", certainty="", frequency="")

    def make(n):
        for _ in range(n):
            source = factories.SourceFactory()
            LegalFact.objects.create(risk=risk, jurisdiction="X", status="Y.", as_of="2025-01-01", source=source)

    assert assert_constant_queries(client, risk.get_absolute_url(), make) <= MAX_PAGE_QUERIES
