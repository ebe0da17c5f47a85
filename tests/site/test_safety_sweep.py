"""DESIGN.md "The required safety notice", item 3: every HTML page carries exactly one notice.

Every URL the resolver knows must be listed below, as a public page (with the
arguments to build it), a non-HTML route, or a staff-only route. A new URL that
is in none of them fails `test_every_url_is_accounted_for`.
"""

import re

import pytest
from django.conf import settings
from django.core import signing
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views import defaults

from comments import data_requests
from comments.identity import confirmation_link, confirmation_offer
from kratom_info import views
from tests import factories
from tests.html_checks import elements

# route name -> content type it must answer with (checked: never HTML)
NON_HTML = {
    "healthz": "application/json",
    "feed_rss": "application/rss+xml",
    "feed_atom": "application/atom+xml",
    "sitemap": "application/xml",
    "robots_txt": "text/plain",
    "security_txt": "text/plain",
}
# Staff-only endpoints (POST from the admin editor), tested in test_markdownx_views.
STAFF_ONLY = {"markdownx_preview", "markdownx_upload"}
# Uploaded images (never HTML), tested in tests/editorial/test_uploads.py.
FILES = {"media"}
# The admin is its own site with its own base template; it is not a public page.
EXCLUDED_NAMESPACES = {"admin"}


def all_route_names(resolver=None, namespace="") -> list[str]:
    names = []
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in EXCLUDED_NAMESPACES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += all_route_names(pattern, inner)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"unnamed URL pattern {pattern.pattern} cannot be swept"
            names.append(namespace + pattern.name)
    return names


def confirm_token(article) -> str:
    """The token of a confirmation link as a moderator's approval offers it."""
    comment = article.comments.create(name="Reader", email="reader@example.org", body="Thanks.", status="approved")
    confirmation_offer(comment)
    return confirmation_link(comment).rstrip("/").rsplit("/", 1)[1]


def public_urls(objects) -> dict[str, list[str]]:
    """Route name -> URLs to request, built from one published object of each type."""
    kwargs = {
        "articles:detail": {"slug": objects["article"].slug},
        "comments:reply": {"slug": objects["article"].slug},
        "comments:data": {"token": signing.dumps("reader@example.org", salt=data_requests.SALT)},
        "comments:confirm": {"token": confirm_token(objects["article"])},
        "faq:detail": {"slug": objects["faq"].slug},
        "strains:detail": {"slug": objects["strain"].slug},
        "risks:detail": {"slug": objects["risk"].slug},
        "contributor_detail": {"slug": objects["contributor"].slug},
        "page_detail": {"slug": objects["page"].slug},
    }
    simple = [
        "home",
        "get_help",
        "evidence_levels",
        "search",
        "articles:list",
        "faq:list",
        "strains:list",
        "risks:list",
        "comments:data_request",
    ]
    urls = {name: [reverse(name, kwargs=kwargs[name])] for name in kwargs}
    urls |= {name: [reverse(name)] for name in simple}
    urls["articles:list"].append(reverse("articles:list") + "?page=2")
    urls["search"] += [reverse("search") + "?q=body", reverse("search") + "?q=nothing-matches-this"]
    return urls


@pytest.fixture
def site_objects(one_of_each):
    factories.ArticleFactory.create_batch(20, published=True)  # a second page of articles
    return one_of_each


def test_every_url_is_accounted_for(site_objects):
    listed = set(public_urls(site_objects)) | set(NON_HTML) | STAFF_ONLY | FILES
    assert sorted(set(all_route_names()) - listed) == [], "add new routes to the sweep"
    assert sorted(listed - set(all_route_names())) == [], "the sweep lists routes that no longer exist"


def test_every_public_page_has_exactly_one_safety_notice(client, site_objects):
    for name, urls in public_urls(site_objects).items():
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (name, url)
            assert response["Content-Type"].startswith("text/html"), (name, url)
            assert response.content.decode().count("data-safety-notice") == 1, (name, url)


def test_every_public_page_has_one_h1_one_main_a_unique_title_and_a_description(client, site_objects):
    titles = {}
    for urls in public_urls(site_objects).values():
        url = urls[0]
        html = client.get(url).content.decode()
        tags = elements(html)
        assert [tag for tag, _ in tags].count("h1") == 1, url
        assert [tag for tag, _ in tags].count("main") == 1, url
        description = [a.get("content", "") for t, a in tags if t == "meta" and a.get("name") == "description"]
        assert len(description) == 1 and description[0].strip(), url
        noindex = any(t == "meta" and a.get("name") == "robots" for t, a in tags)
        canonical = [a["href"] for t, a in tags if t == "link" and a.get("rel") == "canonical"]
        assert noindex or canonical == [f"{settings.SITE_URL}{url.split('?')[0]}"], url
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        assert title not in titles, f"{url} has the same <title> as {titles.get(title)}"
        titles[title] = url


def test_non_html_routes_are_not_html(client, site_objects):
    for name, content_type in NON_HTML.items():
        response = client.get(reverse(name))
        assert response["Content-Type"].startswith(content_type), name
        assert b"data-safety-notice" not in response.content


@pytest.mark.django_db
def test_the_404_page_has_the_notice(client):
    response = client.get("/no-such-page/here/")
    assert response.status_code == 404
    assert response.content.decode().count("data-safety-notice") == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("handler", "status"),
    [
        (lambda request: views.server_error(request), 500),
        (lambda request: defaults.permission_denied(request, Exception()), 403),
        (lambda request: defaults.bad_request(request, Exception()), 400),
    ],
    ids=["500", "403", "400"],
)
def test_error_pages_have_the_notice(handler, status):
    response = handler(RequestFactory().get("/"))
    assert response.status_code == status
    assert response.content.decode().count("data-safety-notice") == 1
