"""JSON-LD and link previews that match the page, and old links that keep working after a slug changes."""

import json
import re

import pytest

from editorial.workflow.services import content_unpublish
from redirects.models import Redirect
from tests import factories

pytestmark = pytest.mark.django_db
SCRIPTS = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)


def graph(client, url: str) -> dict[str, list[dict]]:
    """The page's JSON-LD nodes by @type; every script on the page must be JSON-LD."""
    html = client.get(url).content.decode()
    scripts = SCRIPTS.findall(html)
    assert scripts and all('type="application/ld+json"' in attrs for attrs, _ in scripts), scripts
    (document,) = [json.loads(text) for _, text in scripts]
    assert document["@context"] == "https://schema.org"
    nodes: dict[str, list[dict]] = {}
    for node in document["@graph"]:
        nodes.setdefault(node["@type"], []).append(node)
    return nodes


@pytest.fixture
def cited_article(settings):
    settings.SITE_URL = "https://kratom.example"
    reviewer = factories.ContributorFactory(name="Dr Checked", credentials="MD, PhD", slug="dr-checked")
    factories.SourceFactory(key="first", title="First source", url="https://one.example/paper")
    factories.SourceFactory(key="second", title="Second source", url="https://two.example/report")
    return factories.ArticleFactory(
        published=True, title="Evidence piece", body="A [@second] and B [@first].", reviewed_by=reviewer
    )


def test_every_page_carries_the_organization_and_a_site_search(client, one_of_each):
    for url in ["/", "/articles/", "/faq/", "/risks/", "/get-help/", one_of_each["page"].get_absolute_url()]:
        nodes = graph(client, url)
        assert len(nodes["Organization"]) == 1, url
        action = nodes["WebSite"][0]["potentialAction"]
        assert action["@type"] == "SearchAction" and "{search_term_string}" in action["target"]["urlTemplate"]


def test_an_article_is_a_medical_web_page_matching_the_database(client, cited_article):
    cited_article.refresh_from_db()
    (page,) = graph(client, cited_article.get_absolute_url())["MedicalWebPage"]
    assert page["url"] == f"https://kratom.example{cited_article.get_absolute_url()}"
    assert page["headline"] == "Evidence piece" and page["description"] == cited_article.summary
    assert page["datePublished"] == cited_article.published_at.isoformat()
    assert page["dateModified"] == cited_article.updated_at.isoformat()
    assert page["lastReviewed"] == cited_article.last_reviewed_at.date().isoformat()
    assert page["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr Checked",
        "url": "https://kratom.example/contributors/dr-checked/",
        "hasCredential": {"@type": "EducationalOccupationalCredential", "name": "MD, PhD"},
    }
    assert page["author"]["name"] == cited_article.author.name
    assert page["medicalAudience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
    assert {thing["name"] for thing in page["about"]} == {"Kratom", "Depression"}
    # Sources in the order the page numbers them (first cited first).
    assert [(c["name"], c["url"]) for c in page["citation"]] == [
        ("Second source", "https://two.example/report"),
        ("First source", "https://one.example/paper"),
    ]


def test_strains_and_risks_are_medical_web_pages_too(client, one_of_each):
    for key in ("strain", "risk"):
        (page,) = graph(client, one_of_each[key].get_absolute_url())["MedicalWebPage"]
        assert page["headline"] == one_of_each[key].title and page["reviewedBy"]["@type"] == "Person"


def test_the_faq_is_an_faq_page(client, one_of_each):
    (faq,) = graph(client, "/faq/")["FAQPage"]
    (question,) = faq["mainEntity"]
    assert question["name"] == one_of_each["faq"].title
    assert question["acceptedAnswer"]["text"].startswith("Some body text.")  # the answer, as plain text


def test_breadcrumbs_match_the_visible_ones(client, one_of_each, settings):
    settings.SITE_URL = "https://kratom.example"
    risk = one_of_each["risk"]
    (crumbs,) = graph(client, risk.get_absolute_url())["BreadcrumbList"]
    assert [(i["position"], i["name"], i["item"]) for i in crumbs["itemListElement"]] == [
        (1, "Home", "https://kratom.example/"),
        (2, "Risks", "https://kratom.example/risks/"),
        (3, risk.title, f"https://kratom.example{risk.get_absolute_url()}"),
    ]
    assert "BreadcrumbList" not in graph(client, "/risks/")  # no breadcrumbs shown, none claimed


def test_a_hostile_title_is_escaped_inside_the_json(client):
    article = factories.ArticleFactory(published=True, title="</script><script>alert(1)</script> & more")
    html = client.get(article.get_absolute_url()).content.decode()
    (_, text) = SCRIPTS.findall(html)[0]
    assert "</script>" not in text and "<" not in text and "&" not in text.replace("\\u0026", "")
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in text
    headline = json.loads(text)["@graph"][-1]["headline"]
    assert headline == "</script><script>alert(1)</script> & more"  # the data is intact once parsed


def test_link_previews_use_the_item_and_absolute_urls(client, cited_article):
    html = client.get(cited_article.get_absolute_url()).content.decode()
    meta = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)"', html))
    assert meta["og:title"] == "Evidence piece" and meta["og:type"] == "article"
    assert meta["og:description"] == cited_article.summary
    assert meta["og:url"] == f"https://kratom.example{cited_article.get_absolute_url()}"
    assert meta["og:image"].startswith("https://kratom.example/static/img/social-card")
    assert meta["twitter:card"] == "summary_large_image"


# -- redirects ---------------------------------------------------------------------------------


def rename(article, slug: str):
    article.slug = slug
    article.save()
    return article


def test_a_slug_changed_twice_redirects_in_one_hop(client):
    article = factories.ArticleFactory(published=True, slug="first-name")
    rename(article, "second-name")
    rename(article, "third-name")
    for old in ("/articles/first-name/", "/articles/second-name/"):
        response = client.get(old + "?comments_page=2")
        assert response.status_code == 301 and response["Location"] == "/articles/third-name/?comments_page=2"
    assert client.get("/articles/third-name/").status_code == 200


def test_going_back_to_an_old_slug_never_loops(client):
    article = factories.ArticleFactory(published=True, slug="alpha")
    rename(article, "beta")
    rename(article, "alpha")
    assert client.get("/articles/alpha/").status_code == 200
    assert client.get("/articles/beta/")["Location"] == "/articles/alpha/"
    assert list(Redirect.objects.values_list("old_path", "new_path")) == [("/articles/beta/", "/articles/alpha/")]


def test_drafts_leave_no_redirect_and_an_unpublished_items_old_url_is_a_404(client, django_user_model):
    draft = factories.ArticleFactory(slug="draft-one")
    rename(draft, "draft-two")
    assert not Redirect.objects.exists()  # nobody could have linked to a draft
    live = rename(factories.ArticleFactory(published=True, slug="was-live"), "now-live")
    assert client.get("/articles/was-live/").status_code == 301
    editor_in_chief = django_user_model.objects.create_superuser("chief", "chief@example.org", "a-long-password")
    content_unpublish(obj=live, user=editor_in_chief)
    assert client.get("/articles/was-live/").status_code == 404


def test_the_fallback_runs_only_on_a_404_and_editors_can_add_redirects(client, admin_client_logged_in):
    live = factories.ArticleFactory(published=True, slug="live-page")
    Redirect.objects.create(old_path="/articles/live-page/", new_path="/get-help/")
    assert client.get(live.get_absolute_url()).status_code == 200  # a live page is never redirected away
    response = admin_client_logged_in.post(
        "/admin/site_redirects/redirect/add/", {"old_path": "/old-campaign/", "new_path": "/get-help/"}
    )
    assert response.status_code == 302
    assert client.get("/old-campaign/")["Location"] == "/get-help/"
    for junk in ["no-slash", "//evil.example/", "/get-help/"]:
        response = admin_client_logged_in.post(
            "/admin/site_redirects/redirect/add/", {"old_path": "/get-help/", "new_path": junk}
        )
        assert response.status_code == 200 and response.context["adminform"].form.errors, junk
