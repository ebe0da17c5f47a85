"""Our pages, asked for over HTTPS, score A+ on the MDN HTTP Observatory's published rules (observatory.py);
taking away one protection scores lower. The scorer itself is checked against the Observatory's own cases."""

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, override_settings

from tests import factories
from tests.security import observatory as obs

pytestmark = pytest.mark.django_db
PRODUCTION_TRANSPORT = override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31536000)
CORS_ORIGIN = "https://http-observatory.security.mozilla.org"  # src/config.js, retriever.corsOrigin
PAGES = ["/", "/get-help/", "/search/?q=mood", "article", "reply"]


def page_path(page):
    if page in ("article", "reply"):
        article = factories.ArticleFactory(published=True)
        return article.get_absolute_url() if page == "article" else f"/articles/{article.slug}/reply/"
    return page


def fetch(path):
    """What the Observatory asks for, each from a fresh client (it uses separate sessions too)."""
    response = Client().get(path, secure=True)
    assert response.status_code == 200, path
    http_response = Client().get(path, follow=True)
    preflight = Client().options(path, secure=True, HTTP_ORIGIN=CORS_ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    return response, http_response, preflight


def explain(path, score, grade, results):
    lines = [f"{path}: {score} ({grade}), rules from {obs.SOURCE['modifiers']}, retrieved {obs.RETRIEVED}"]
    return "\n".join(lines + [f"  {modifier:+4d}  {test}: {result}" for test, (result, modifier) in results.items()])


def observe(path, responses=None):
    score, grade, results = obs.scan(*(responses or fetch(path)))
    print(explain(path, score, grade, results))
    return score, grade, results


@PRODUCTION_TRANSPORT
@pytest.mark.parametrize("page", PAGES)
def test_every_page_scores_a_plus(page):
    path = page_path(page)
    score, grade, results = observe(path)
    assert score >= 100 and grade == "A+", explain(path, score, grade, results)
    assert results["redirection"][0] == "redirection-to-https", explain(path, score, grade, results)
    assert not Client().get("/robots.txt", secure=True).cookies  # the Observatory's jar also holds those


@PRODUCTION_TRANSPORT
def test_the_reply_page_cookie_earns_the_cookie_bonus():
    _, _, results = observe(page_path("reply"))
    assert results["cookies"] == ("cookies-secure-with-httponly-sessions-and-samesite", 5)


@PRODUCTION_TRANSPORT
def test_without_the_csp_header_the_score_drops():
    path = page_path("reply")
    real, _, _ = observe(path)
    response, http_response, preflight = fetch(path)
    del response["Content-Security-Policy"]
    score, grade, results = observe(path, (response, http_response, preflight))
    assert results["content-security-policy"] == ("csp-not-implemented", -25)
    assert results["x-frame-options"] == ("x-frame-options-sameorigin-or-deny", 0)  # DENY still there
    assert score < real and grade != "A+", explain(path, score, grade, results)


@PRODUCTION_TRANSPORT
def test_unsafe_inline_in_script_src_lowers_the_score():
    path = page_path("reply")
    real, _, _ = observe(path)
    directives = {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "script-src": ["'self'", "'unsafe-inline'"]}
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": directives}):
        score, grade, results = observe(path)
    assert results["content-security-policy"] == ("csp-implemented-with-unsafe-inline", -20)
    assert score < real and grade != "A+", explain(path, score, grade, results)


@PRODUCTION_TRANSPORT
def test_a_cookie_without_secure_lowers_the_score():
    """Under HSTS the Observatory takes off only 5 for it, and withdraws the cookie bonus: still A+."""
    path = page_path("reply")
    real, _, _ = observe(path)
    with override_settings(CSRF_COOKIE_SECURE=False):
        score, grade, results = observe(path)
    assert results["cookies"] == ("cookies-without-secure-flag-but-protected-by-hsts", -5)
    assert score < real, explain(path, score, grade, results)


@PRODUCTION_TRANSPORT
def test_a_cookie_without_secure_and_no_hsts_scores_far_lower():
    path = page_path("reply")
    with override_settings(CSRF_COOKIE_SECURE=False, SECURE_HSTS_SECONDS=0):
        score, grade, results = observe(path)
    assert results["cookies"] == ("cookies-without-secure-flag", -20)
    assert score == 60 and grade == "C+", explain(path, score, grade, results)


@PRODUCTION_TRANSPORT
def test_without_hsts_the_score_drops():
    path = page_path("reply")
    real, _, _ = observe(path)
    with override_settings(SECURE_HSTS_SECONDS=0):
        score, grade, results = observe(path)
    assert results["strict-transport-security"] == ("hsts-not-implemented", -20)
    assert score < real and grade != "A+", explain(path, score, grade, results)


def test_without_the_https_redirect_the_score_drops():
    path = page_path("reply")
    with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=31536000):
        score, grade, results = observe(path)
    assert results["redirection"] == ("redirection-missing", -20)
    assert grade != "A+", explain(path, score, grade, results)


# The scorer on hand-built headers: result ids from the Observatory's own tests (test/*.test.js).


def headers(**values):
    return HttpResponse(headers={name.replace("_", "-"): value for name, value in values.items()}).headers


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ("default-src 'none'; default-src 'none'", "csp-header-invalid"),
        ("default-src 'none'; script-src 'strict-dynamic'", "csp-header-invalid"),
        ("defa", "csp-header-invalid"),
        ("default-src 'none'; script-src 'unsafe-inline'", "csp-implemented-with-unsafe-inline"),
        ("default-src 'none'; script-src https://*", "csp-implemented-with-unsafe-inline"),
        ("upgrade-insecure-requests", "csp-implemented-with-unsafe-inline"),
        ("script-src 'none'", "csp-implemented-with-unsafe-inline"),
        ("default-src 'none'; script-src 'none'; object-src *", "csp-implemented-with-unsafe-inline"),
        ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'", "csp-implemented-with-unsafe-inline"),
        ("default-src http://mozilla.org", "csp-implemented-with-insecure-scheme"),
        ("default-src 'none'; script-src ftp://mozilla.org", "csp-implemented-with-insecure-scheme"),
        ("default-src 'none'; script-src 'unsafe-eval'", "csp-implemented-with-unsafe-eval"),
        ("default-src 'self'; img-src http:", "csp-implemented-with-insecure-scheme-in-passive-content-only"),
        (
            "default-src 'none'; img-src https:; media-src http://mozilla.org",
            "csp-implemented-with-insecure-scheme-in-passive-content-only",
        ),
        (
            "default-src 'unsafe-inline'; script-src https://mozilla.org",
            "csp-implemented-with-unsafe-inline-in-style-src-only",
        ),
        (
            "default-src 'none';;; ;;;style-src 'self' 'unsafe-inline'",
            "csp-implemented-with-unsafe-inline-in-style-src-only",
        ),
        ("default-src https://mozilla.org", "csp-implemented-with-no-unsafe"),
        (
            "object-src 'none'; script-src 'strict-dynamic' 'nonce-abc' 'unsafe-inline'; style-src 'none'",
            "csp-implemented-with-no-unsafe",
        ),
        (
            "object-src 'none'; script-src 'unsafe-inline' 'nonce-abc123'; style-src 'none'",
            "csp-implemented-with-no-unsafe",
        ),
        ("default-src", "csp-implemented-with-no-unsafe-default-src-none"),
        (
            "default-src 'none'; script-src 'strict-dynamic' 'sha256-abc123' https://*",
            "csp-implemented-with-no-unsafe-default-src-none",
        ),
        ("default-src 'none'; object-src https://mozilla.org", "csp-implemented-with-no-unsafe-default-src-none"),
        ("default-src 'none'; report-uri /a; report-uri /b", "csp-implemented-but-duplicate-directives"),
    ],
)
def test_csp_results_match_the_observatory(policy, expected):
    assert obs.csp_test(headers(Content_Security_Policy=policy))[0] == expected


def test_csp_missing_or_only_reporting():
    assert obs.csp_test(headers())[0] == "csp-not-implemented"
    report_only = headers(Content_Security_Policy_Report_Only="default-src 'none'; report-to /_/csp-reports")
    assert obs.csp_test(report_only)[0] == "csp-not-implemented-but-reporting-enabled"


@pytest.mark.parametrize(
    ("cookies", "hsts", "expected"),
    [
        ([], True, "cookies-not-found"),
        (
            ["SESSIONID=bar; Path=/; Secure; HttpOnly", "foo=bar; Secure", "heroku-session-affinity=x"],
            False,
            "cookies-secure-with-httponly-sessions",
        ),
        (
            ["SESSIONID=bar; Secure; HttpOnly; SameSite=Strict", "b=1; Secure; SameSite=None"],
            False,
            "cookies-secure-with-httponly-sessions-and-samesite",
        ),
        (["CSRFTOKEN=bar; Path=/; Secure; HttpOnly"], False, "cookies-anticsrf-without-samesite-flag"),
        (["SESSIONID=bar; Secure; HttpOnly; SameSite="], False, "cookies-samesite-flag-invalid"),
        (["SESSIONID=bar; Secure; HttpOnly; SameSite=True"], False, "cookies-samesite-flag-invalid"),
        (["foo=bar; Path=/"], True, "cookies-without-secure-flag-but-protected-by-hsts"),
        (["SESSIONID=bar; Path=/; HttpOnly"], True, "cookies-session-without-secure-flag-but-protected-by-hsts"),
        (["foo=bar; Path=/"], False, "cookies-without-secure-flag"),
        (["SESSIONID=bar; Path=/; Secure"], False, "cookies-session-without-httponly-flag"),
        (["SESSIONID=bar; Path=/"], False, "cookies-session-without-secure-flag"),
    ],
)
def test_cookie_results_match_the_observatory(cookies, hsts, expected):
    assert obs.cookies_test(cookies, hsts_passes=hsts) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "hsts-not-implemented"),
        ("max-age=15552000", "hsts-implemented-max-age-at-least-six-months"),
        ("max-age=31536000; includeSubDomains; preload", "hsts-implemented-max-age-at-least-six-months"),
        ("max-age=15551999", "hsts-implemented-max-age-less-than-six-months"),
        ("includeSubDomains", "hsts-header-invalid"),
        ("max-age=31536000, max-age=31536000", "hsts-header-invalid"),
    ],
)
def test_hsts_results(header, expected):
    assert obs.hsts_test(headers(Strict_Transport_Security=header) if header else headers()) == expected


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        (["http://a.test/"], "redirection-missing"),
        (["http://a.test/", "https://a.test/"], "redirection-to-https"),
        (["http://a.test/", "https://www.a.test/"], "redirection-off-host-from-http"),
        (
            ["http://a.test/", "http://www.a.test/", "https://www.a.test/"],
            "redirection-not-to-https-on-initial-redirection",
        ),
        (["http://a.test/", "https://a.test/", "http://a.test/x"], "redirection-not-to-https"),
    ],
)
def test_redirection_results(route, expected):
    assert obs.redirection_test(route) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>no scripts</p>", "sri-not-implemented-but-no-scripts-loaded"),
        (
            '<script src="/static/app.js"></script><script>1</script>',
            "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        ),
        (
            '<script src="https://www.site.test/app.js"></script>',
            "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        ),
        ('<script src="/app.js" integrity="sha384-x"></script>', "sri-implemented-and-all-scripts-loaded-securely"),
        (
            '<script src="https://cdn.test/a.js" integrity="sha384-x"></script>',
            "sri-implemented-and-external-scripts-loaded-securely",
        ),
        ('<script src="https://cdn.test/a.js"></script>', "sri-not-implemented-but-external-scripts-loaded-securely"),
        (
            '<script src="http://cdn.test/a.js" integrity="sha384-x"></script>',
            "sri-implemented-but-external-scripts-not-loaded-securely",
        ),
        ('<script src="//cdn.test/a.js"></script>', "sri-not-implemented-and-external-scripts-not-loaded-securely"),
    ],
)
def test_sri_results(html, expected):
    assert obs.sri_test(headers(Content_Type="text/html; charset=utf-8"), html, "site.test") == expected


def test_other_header_results():
    assert obs.sri_test(headers(Content_Type="application/json"), "", "site.test").endswith("response-not-html")
    assert obs.referrer_policy_test(headers()) == "referrer-policy-not-implemented"
    assert obs.referrer_policy_test(headers(Referrer_Policy="unsafe-url, same-origin")) == "referrer-policy-private"
    assert obs.referrer_policy_test(headers(Referrer_Policy="same-origin, unsafe-url")) == "referrer-policy-unsafe"
    assert obs.referrer_policy_test(headers(Referrer_Policy="whatever")) == "referrer-policy-header-invalid"
    assert obs.x_content_type_options_test(headers(X_Content_Type_Options=" NoSniff ")).endswith("-nosniff")
    assert obs.x_content_type_options_test(headers(X_Content_Type_Options="sniff")).endswith("-header-invalid")
    assert obs.x_frame_options_test(headers(X_Frame_Options="DENY"), None) == "x-frame-options-sameorigin-or-deny"
    assert obs.x_frame_options_test(headers(X_Frame_Options="ALLOW-FROM x"), None).endswith("allow-from-origin")
    assert obs.x_frame_options_test(headers(X_Frame_Options="yes"), None) == "x-frame-options-header-invalid"
    assert obs.x_frame_options_test(headers(), {"frame-ancestors": {"*"}}) == "x-frame-options-implemented-via-csp"
    assert obs.corp_test(headers(Cross_Origin_Resource_Policy="same-site")) == "corp-implemented-with-same-site"
    assert obs.corp_test(headers(Cross_Origin_Resource_Policy="nope")) == "corp-header-invalid"
    assert obs.cors_test(headers(Access_Control_Allow_Origin="*"), CORS_ORIGIN).endswith("with-public-access")
    reflected = headers(Access_Control_Allow_Origin=CORS_ORIGIN, Access_Control_Allow_Credentials="true")
    assert obs.cors_test(reflected, CORS_ORIGIN).endswith("with-universal-access")
    assert obs.cors_test(reflected, "https://other.test").endswith("with-restricted-access")


def test_modifiers_are_the_published_ones():
    """Spot checks against src/grader/charts.js, so an edited modifier in the table is caught."""
    published = {
        "csp-implemented-with-no-unsafe-default-src-none": 10,
        "csp-implemented-with-no-unsafe": 5,
        "csp-implemented-with-unsafe-inline": -20,
        "csp-not-implemented": -25,
        "cookies-secure-with-httponly-sessions-and-samesite": 5,
        "cookies-without-secure-flag-but-protected-by-hsts": -5,
        "cookies-without-secure-flag": -20,
        "cookies-session-without-secure-flag": -40,
        "cross-origin-resource-sharing-implemented-with-universal-access": -50,
        "redirection-missing": -20,
        "referrer-policy-private": 5,
        "hsts-preloaded": 5,
        "hsts-implemented-max-age-less-than-six-months": -10,
        "hsts-not-implemented": -20,
        "sri-not-implemented-and-external-scripts-not-loaded-securely": -50,
        "x-content-type-options-not-implemented": -5,
        "x-frame-options-implemented-via-csp": 5,
        "x-frame-options-not-implemented": -20,
        "corp-implemented-with-same-origin": 10,
    }
    assert {result: obs.MODIFIERS[result] for result in published} == published
    assert len(obs.MODIFIERS) == 65 and sum(obs.MODIFIERS.values()) == -570


@pytest.mark.parametrize(
    ("results", "score", "grade"),
    [
        ({}, 100, "A+"),  # test/grader.test.js: 100 is A+, 120 is A+, 0 and below is F
        ({"a": "csp-implemented-with-no-unsafe-default-src-none", "b": "corp-implemented-with-same-site"}, 120, "A+"),
        (
            {
                "a": "cross-origin-resource-sharing-implemented-with-universal-access",
                "b": "sri-not-implemented-and-external-scripts-not-loaded-securely",
                "c": "hsts-not-implemented",
            },
            0,
            "F",
        ),
        ({"a": "csp-not-implemented", "b": "referrer-policy-private"}, 75, "B"),  # no bonus below 90
        ({"a": "hsts-implemented-max-age-less-than-six-months", "b": "referrer-policy-private"}, 95, "A"),  # 90: bonus
        ({"a": "csp-implemented-with-unsafe-eval", "b": "x-content-type-options-not-implemented"}, 85, "A-"),
        ({"a": "csp-implemented-with-unsafe-inline"}, 80, "B+"),
        ({"a": "csp-not-implemented", "b": "x-content-type-options-not-implemented"}, 70, "B"),
        ({"a": "csp-not-implemented", "b": "hsts-implemented-max-age-less-than-six-months"}, 65, "B-"),
        ({"a": "csp-not-implemented", "b": "redirection-missing"}, 55, "C"),
        (
            {"a": "csp-not-implemented", "b": "redirection-missing", "c": "x-content-type-options-not-implemented"},
            50,
            "C",
        ),
        ({"a": "cookies-session-without-secure-flag", "b": "hsts-not-implemented"}, 40, "D+"),
        ({"a": "cookies-session-without-secure-flag", "b": "csp-not-implemented", "c": "redirection-missing"}, 15, "F"),
    ],
)
def test_score_and_grade(results, score, grade):
    assert obs.grade(results)[:2] == (score, grade)
