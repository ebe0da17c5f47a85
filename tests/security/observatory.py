"""The MDN HTTP Observatory's scoring, kept as data, applied to Django test responses.

RULES are the result ids and score modifiers of src/grader/charts.js; the checks below follow the
Observatory's analyzers (src/analyzer/tests/*.js) and its sum (src/scanner/index.js): a baseline of
100, penalties always count, bonuses only when the score without them is at least 90.
Left out, as they need the network: the HSTS preload list and certificate checks.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

SOURCE = {
    "repository": "https://github.com/mdn/mdn-http-observatory",
    "release": "v1.4.0 (CHANGELOG.md, 2025-03-17)",
    "modifiers": "src/grader/charts.js @ a57b50e3362d55c55dd5fd108664f63a54922f11",
    "scoring": "src/scanner/index.js @ 9408a5c5ae6135fad05daa95e3128f8993319586",
    "tests run": "src/constants.js @ 0904b8b0cae851a13bb393affacf1982e3ea6222",
    "result ids": "src/types.js @ fff505015e9463e3b290accbfd5cbbe690129c51",
    "analyzers": "src/analyzer/tests/{csp,cookies,cors,redirection,referrer-policy,strict-transport-security,"
    "subresource-integrity,x-content-type-options,x-frame-options,cross-origin-resource-policy}.js, "
    "src/analyzer/cspParser.js",
}
RETRIEVED = "2026-11-26"
BASELINE, MINIMUM_SCORE_FOR_EXTRA_CREDIT = 100, 90
GRADES = [(100, "A+"), (95, "A"), (90, "A"), (85, "A-"), (80, "B+"), (75, "B"), (70, "B"), (65, "B-"), (60, "C+")]
GRADES += [(55, "C"), (50, "C"), (45, "C-"), (40, "D+"), (35, "D"), (30, "D"), (25, "D-"), (0, "F")]

# test name -> result id -> (score modifier, description)
RULES = {
    "content-security-policy": {
        "csp-implemented-with-no-unsafe-default-src-none": (10, "CSP with default-src 'none' and no 'unsafe'"),
        "csp-implemented-with-no-unsafe": (5, "CSP without 'unsafe-inline' or 'unsafe-eval'"),
        "csp-implemented-with-unsafe-inline-in-style-src-only": (0, "CSP with unsafe sources in style-src only"),
        "csp-implemented-with-insecure-scheme-in-passive-content-only": (-10, "CSP allows images or media over HTTP"),
        "csp-implemented-with-unsafe-eval": (-10, "CSP allows 'unsafe-eval'"),
        "csp-implemented-with-unsafe-inline": (-20, "CSP allows 'unsafe-inline', data: or broad script/object sources"),
        "csp-implemented-with-insecure-scheme": (-20, "CSP allows resources to be loaded over HTTP"),
        "csp-header-invalid": (-25, "CSP header cannot be parsed successfully"),
        "csp-not-implemented": (-25, "CSP header not implemented"),
        "csp-not-implemented-but-reporting-enabled": (-25, "Only Content-Security-Policy-Report-Only"),
        "csp-implemented-but-duplicate-directives": (0, "CSP implemented, but contains duplicate directives"),
    },
    "cookies": {
        "cookies-secure-with-httponly-sessions-and-samesite": (5, "All Secure, sessions HttpOnly, all SameSite"),
        "cookies-secure-with-httponly-sessions": (0, "All cookies Secure, session cookies HttpOnly"),
        "cookies-not-found": (0, "No cookies detected"),
        "cookies-without-secure-flag-but-protected-by-hsts": (-5, "Cookie without Secure, but HSTS"),
        "cookies-session-without-secure-flag-but-protected-by-hsts": (-10, "Session cookie without Secure, but HSTS"),
        "cookies-without-secure-flag": (-20, "Cookies set without the Secure flag or over HTTP"),
        "cookies-samesite-flag-invalid": (-20, "SameSite set to something other than Strict or Lax"),
        "cookies-anticsrf-without-samesite-flag": (-20, "Anti-CSRF token set without SameSite"),
        "cookies-session-without-httponly-flag": (-30, "Session cookie set without HttpOnly"),
        "cookies-session-without-secure-flag": (-40, "Session cookie set without Secure or over HTTP"),
    },
    "cross-origin-resource-sharing": {
        "cross-origin-resource-sharing-not-implemented": (0, "Content is not visible via CORS"),
        "cross-origin-resource-sharing-implemented-with-public-access": (0, "Access-Control-Allow-Origin: *"),
        "cross-origin-resource-sharing-implemented-with-restricted-access": (0, "CORS restricted to some domains"),
        "cross-origin-resource-sharing-implemented-with-universal-access": (-50, "Any origin, with credentials"),
    },
    "redirection": {
        "redirection-all-redirects-preloaded": (0, "All hosts redirected to are HSTS preloaded"),
        "redirection-to-https": (0, "Initial redirection is to HTTPS on same host, final destination is HTTPS"),
        "redirection-not-needed-no-http": (0, "Not able to connect via HTTP"),
        "redirection-off-host-from-http": (-5, "Initial redirection from HTTP to HTTPS is to a different host"),
        "redirection-not-to-https-on-initial-redirection": (-10, "Initial redirection is to another HTTP URL"),
        "redirection-not-to-https": (-20, "Redirects, but final destination is not an HTTPS URL"),
        "redirection-missing": (-20, "Does not redirect to an HTTPS site"),
        "redirection-invalid-cert": (-20, "Invalid certificate chain encountered during redirection"),
    },
    "referrer-policy": {
        "referrer-policy-private": (5, "no-referrer, same-origin, strict-origin or strict-origin-when-cross-origin"),
        "referrer-policy-not-implemented": (0, "Referrer-Policy header not implemented"),
        "referrer-policy-unsafe": (-5, "origin, origin-when-cross-origin, unsafe-url or no-referrer-when-downgrade"),
        "referrer-policy-header-invalid": (-5, "Referrer-Policy header cannot be recognized"),
    },
    "strict-transport-security": {
        "hsts-preloaded": (5, "Preloaded via the HSTS preloading process"),
        "hsts-implemented-max-age-at-least-six-months": (0, "HSTS max-age of at least six months"),
        "hsts-implemented-max-age-less-than-six-months": (-10, "HSTS max-age of less than six months"),
        "hsts-not-implemented": (-20, "Strict-Transport-Security header not implemented"),
        "hsts-header-invalid": (-20, "Strict-Transport-Security header cannot be recognized"),
        "hsts-not-implemented-no-https": (-20, "HSTS cannot be set for sites not available over HTTPS"),
        "hsts-invalid-cert": (-20, "HSTS cannot be set, as the site has an invalid certificate chain"),
    },
    "subresource-integrity": {
        "sri-implemented-and-all-scripts-loaded-securely": (5, "SRI, and all scripts from a similar origin"),
        "sri-implemented-and-external-scripts-loaded-securely": (5, "SRI, and all scripts loaded securely"),
        "sri-not-implemented-response-not-html": (0, "SRI is only needed for HTML resources"),
        "sri-not-implemented-but-no-scripts-loaded": (0, "SRI is not needed since there are no script tags"),
        "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": (0, "All scripts from a similar origin"),
        "sri-not-implemented-but-external-scripts-loaded-securely": (-5, "No SRI, external scripts over HTTPS"),
        "sri-implemented-but-external-scripts-not-loaded-securely": (-20, "SRI, but external scripts over HTTP"),
        "sri-not-implemented-and-external-scripts-not-loaded-securely": (-50, "No SRI, external scripts over HTTP"),
    },
    "x-content-type-options": {
        "x-content-type-options-nosniff": (0, "X-Content-Type-Options header set to nosniff"),
        "x-content-type-options-not-implemented": (-5, "X-Content-Type-Options header not implemented"),
        "x-content-type-options-header-invalid": (-5, "X-Content-Type-Options header cannot be recognized"),
    },
    "x-frame-options": {
        "x-frame-options-implemented-via-csp": (5, "Implemented via the CSP frame-ancestors directive"),
        "x-frame-options-sameorigin-or-deny": (0, "X-Frame-Options set to SAMEORIGIN or DENY"),
        "x-frame-options-allow-from-origin": (0, "X-Frame-Options uses ALLOW-FROM"),
        "x-frame-options-not-implemented": (-20, "X-Frame-Options header not implemented"),
        "x-frame-options-header-invalid": (-20, "X-Frame-Options header cannot be recognized"),
    },
    "cross-origin-resource-policy": {
        "corp-header-invalid": (-5, "Cross-Origin-Resource-Policy header cannot be recognized"),
        "corp-implemented-with-cross-origin": (0, "CORP allows cross-origin resource sharing"),
        "corp-implemented-with-same-origin": (10, "CORP prevents leaks into cross-origin contexts"),
        "corp-implemented-with-same-site": (10, "CORP prevents leaks into cross-site contexts"),
        "corp-not-implemented": (0, "CORP not implemented (defaults to cross-origin)"),
    },
}
MODIFIERS = {result: rule[0] for results in RULES.values() for result, rule in results.items()}

BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
INLINE = {"'unsafe-inline'", "data:"}
NONCE_OR_HASH = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
CSP_PASSES = {"csp-implemented-with-no-unsafe", "csp-implemented-with-no-unsafe-default-src-none"}
CSP_PASSES |= {"csp-implemented-with-unsafe-inline-in-style-src-only"}
CSP_PASSES |= {"csp-implemented-with-insecure-scheme-in-passive-content-only"}
# The analyzers keep the worst result they meet, in these orders (their `goodness` lists).
COOKIES_WORST_LAST = [
    "cookies-without-secure-flag-but-protected-by-hsts",
    "cookies-without-secure-flag",
    "cookies-session-without-secure-flag-but-protected-by-hsts",
    "cookies-samesite-flag-invalid",
    "cookies-anticsrf-without-samesite-flag",
    "cookies-session-without-httponly-flag",
    "cookies-session-without-secure-flag",
]
SRI_WORST_LAST = [
    "sri-implemented-and-all-scripts-loaded-securely",
    "sri-implemented-and-external-scripts-loaded-securely",
    "sri-implemented-but-external-scripts-not-loaded-securely",
    "sri-not-implemented-but-external-scripts-loaded-securely",
    "sri-not-implemented-and-external-scripts-not-loaded-securely",
]


def parse_csp(policy):
    """Directive -> set of sources (cspParser.js); ValueError where the Observatory says invalid."""
    policy, csp, duplicates = re.sub(r"[\r\n]", "", policy).strip(), {}, set()
    if len(policy) < len("img-src") - 1:
        raise ValueError(f"invalid policy {policy!r}")
    for directive, *sources in (entry.split() for entry in policy.split(";") if entry.strip()):
        directive = directive.lower()
        if directive in csp and directive not in ("report-uri", "report-to"):
            raise ValueError(f"duplicate directive {directive}")
        if directive in csp:
            duplicates.add(directive)
        csp[directive] = {source.lower() for source in sources} or {"'none'"}
    return csp, duplicates


def csp_test(headers):
    """(result id, parsed policy or None)."""
    if headers.get("Content-Security-Policy") is None:
        only_reporting = headers.get("Content-Security-Policy-Report-Only")
        return ("csp-not-implemented-but-reporting-enabled" if only_reporting else "csp-not-implemented"), None
    try:
        csp, duplicates = parse_csp(headers["Content-Security-Policy"])
    except ValueError:
        return "csp-header-invalid", None
    if not csp:
        return "csp-not-implemented", None
    script, style, objects = (
        {*(csp.get(d) or csp.get("default-src") or {"*"})} for d in ("script-src", "style-src", "object-src")
    )
    for sources in (script, style):
        if any(source.startswith(NONCE_OR_HASH) for source in sources):
            sources.discard("'unsafe-inline'")
    result = None
    if "'strict-dynamic'" in script and any(source.startswith(NONCE_OR_HASH) for source in script):
        script = {s for s in script if not s.startswith(tuple(BROAD)) and s not in ("'self'", "'unsafe-inline'")}
    elif "'strict-dynamic'" in script:
        result = "csp-header-invalid"
    active = [s for d, sources in csp.items() if d not in ("img-src", "media-src", "script-src") for s in sources]
    passive = [s for d in ("img-src", "media-src") for s in csp.get(d) or csp.get("default-src") or ()]
    over_http = lambda sources: any(s.startswith(("http:", "ftp:")) for s in sources)  # noqa: E731
    checks = [
        ("csp-implemented-with-unsafe-inline", script & (BROAD | INLINE) or objects & BROAD),
        ("csp-implemented-with-insecure-scheme", over_http([*active, *script])),
        ("csp-implemented-with-unsafe-eval", "'unsafe-eval'" in script | style),
        ("csp-implemented-with-insecure-scheme-in-passive-content-only", over_http(passive)),
        ("csp-implemented-with-unsafe-inline-in-style-src-only", style & (BROAD | INLINE)),
        ("csp-implemented-with-no-unsafe-default-src-none", csp.get("default-src") == {"'none'"}),
        ("csp-implemented-with-no-unsafe", True),
    ]
    result = result or next(result for result, hit in checks if hit)
    if result in CSP_PASSES and duplicates:
        result = "csp-implemented-but-duplicate-directives"
    return result, csp


def hsts_test(headers):
    header = headers.get("Strict-Transport-Security")
    if header is None:
        return "hsts-not-implemented"
    header = header[:1024]
    directives = [d.strip().lower() for d in header.split(";")]
    max_age = next((re.match(r"\s*(\d+)", d[8:128]) for d in directives if d.startswith("max-age=")), None)
    if "," in header or not max_age:  # set twice, or no number (stricter: JS's parseInt gives NaN, graded >= 6 months)
        return "hsts-header-invalid"
    six_months = 15552000  # "15768000 is six months, but a lot of sites use 15552000, so a white lie is in order"
    return f"hsts-implemented-max-age-{'at-least' if int(max_age[1]) >= six_months else 'less-than'}-six-months"


def cookies_test(set_cookie_lines, hsts_passes):
    """From the raw Set-Cookie lines of the HTTPS response."""
    found, all_samesite, cookies = [], True, 0
    for line in set_cookie_lines:
        name, *attributes = line.split(";")
        flags = {k.strip().lower(): v.strip() for k, _, v in (a.partition("=") for a in attributes)}
        samesite = flags.get("samesite")
        if samesite is not None and samesite.lower() not in ("lax", "strict", "none"):
            found.append("cookies-samesite-flag-invalid")
        name = name.partition("=")[0].strip().lower()
        if name == "heroku-session-affinity":
            continue
        cookies += 1
        secure, session = "secure" in flags, "login" in name or "sess" in name
        if not secure and (samesite or "").lower() == "none":
            found.append("cookies-samesite-flag-invalid")
        if not secure:
            found.append("cookies-without-secure-flag" + ("-but-protected-by-hsts" if hsts_passes else ""))
        if "csrf" in name and not samesite:
            found.append("cookies-anticsrf-without-samesite-flag")
        if session and not secure:
            found.append("cookies-session-without-secure-flag" + ("-but-protected-by-hsts" if hsts_passes else ""))
        if session and "httponly" not in flags:
            found.append("cookies-session-without-httponly-flag")
        all_samesite = all_samesite and bool(samesite)
    if found:
        return max(found, key=COOKIES_WORST_LAST.index)
    if not cookies:
        return "cookies-not-found"
    return "cookies-secure-with-httponly-sessions" + ("-and-samesite" if all_samesite else "")


def cors_test(headers, request_origin):
    allowed = headers.get("Access-Control-Allow-Origin")
    credentials = (headers.get("Access-Control-Allow-Credentials") or "").strip().lower() == "true"
    if not allowed:
        return "cross-origin-resource-sharing-not-implemented"
    if allowed[:256].strip().lower() == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access"
    if request_origin and request_origin == allowed and credentials:
        return "cross-origin-resource-sharing-implemented-with-universal-access"
    return "cross-origin-resource-sharing-implemented-with-restricted-access"


def redirection_test(route):
    """`route`: the URLs met from the first http:// one to the last (the preload list is not looked up)."""
    schemes, hosts = [urlsplit(url).scheme for url in route], [urlsplit(url).hostname for url in route]
    if len(route) == 1:
        return "redirection-missing"
    if schemes[-1] != "https":
        return "redirection-not-to-https"
    if schemes[1] == "http":
        return "redirection-not-to-https-on-initial-redirection"
    return "redirection-off-host-from-http" if hosts[0] != hosts[1] else "redirection-to-https"


def referrer_policy_test(headers):
    good = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"]
    bad = ["origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"]
    if headers.get("Referrer-Policy") is None:
        return "referrer-policy-not-implemented"
    known = [p.strip().lower() for p in headers["Referrer-Policy"].split(",") if p.strip().lower() in good + bad]
    policy = known[-1] if known else None
    return f"referrer-policy-{'private' if policy in good else 'unsafe' if policy in bad else 'header-invalid'}"


class _Scripts(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.scripts = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def sri_test(headers, html, hostname):
    """`hostname`: the scanned site, reached over HTTPS. Same site: the last two labels of the host name."""
    if (headers.get("Content-Type") or "").split(";")[0] not in ("text/html", "application/xhtml+xml"):
        return "sri-not-implemented-response-not-html"
    scripts, found, foreign = _Scripts(html).scripts, [], False
    if not scripts:
        return "sri-not-implemented-but-no-scripts-loaded"
    for src, integrity in ((s.get("src"), s.get("integrity")) for s in scripts if s.get("src")):
        relative_protocol, full_url = bool(re.match(r"//[^/]", src)), bool(re.match(r"https?://", src))
        same_site = not full_url or (urlsplit(src).hostname or "").split(".")[-2:] == hostname.split(".")[-2:]
        if same_site and not relative_protocol:  # a relative URL, or one on the same site
            if integrity and (not full_url or src.startswith("https:")):
                found.append("sri-implemented-and-all-scripts-loaded-securely")
            continue
        foreign, secure = True, src.startswith("https:")
        if integrity and not secure:
            found.append("sri-implemented-but-external-scripts-not-loaded-securely")
        elif not integrity:
            found.append(
                f"sri-not-implemented-{'but' if secure else 'and'}-external-scripts-"
                f"{'' if secure else 'not-'}loaded-securely"
            )
    if found:
        return max(found, key=SRI_WORST_LAST.index)
    if foreign:
        return "sri-implemented-and-external-scripts-loaded-securely"
    return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"


def x_content_type_options_test(headers):
    header = headers.get("X-Content-Type-Options")
    if not header:
        return "x-content-type-options-not-implemented"
    return f"x-content-type-options-{'nosniff' if header[:256].strip().lower() == 'nosniff' else 'header-invalid'}"


def x_frame_options_test(headers, csp):
    xfo = (headers.get("X-Frame-Options") or "")[:1024].strip().lower()
    if csp and "frame-ancestors" in csp:
        return "x-frame-options-implemented-via-csp"
    if xfo in ("deny", "sameorigin"):
        return "x-frame-options-sameorigin-or-deny"
    if xfo.startswith("allow-from"):
        return "x-frame-options-allow-from-origin"
    return "x-frame-options-header-invalid" if headers.get("X-Frame-Options") else "x-frame-options-not-implemented"


def corp_test(headers):
    corp = (headers.get("Cross-Origin-Resource-Policy") or "")[:256].strip().lower()
    if not corp:
        return "corp-not-implemented"
    known = corp in ("same-site", "same-origin", "cross-origin")
    return f"corp-implemented-with-{corp}" if known else "corp-header-invalid"


def grade(results):
    """{test: result id} -> (score, grade, {test: (result id, modifier)})."""
    modifiers = {test: (result, MODIFIERS[result]) for test, result in results.items()}
    with_extra_credit = BASELINE + sum(modifier for _, modifier in modifiers.values())
    uncurved = BASELINE + sum(modifier for _, modifier in modifiers.values() if modifier < 0)
    score = max(with_extra_credit if uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT else uncurved, 0)
    return score, next(letter for floor, letter in GRADES if score >= floor), modifiers


def scan(response, http_response, cors_response=None):
    """Score a page: `response` to a GET over HTTPS, `http_response` to the same path over plain HTTP
    (followed or not), `cors_response` to the Observatory's preflight (OPTIONS with an Origin)."""
    headers, page = response.headers, response.wsgi_request.build_absolute_uri()
    redirects = getattr(http_response, "redirect_chain", None) or [(http_response.get("Location"), None)]
    route = ["http:" + page.partition(":")[2]]
    for location, _status in redirects:
        route += [urljoin(route[-1], location)] if location else []
    cors_response = cors_response or response
    origin = cors_response.wsgi_request.headers.get("Origin")
    csp_result, csp = csp_test(headers)
    hsts = hsts_test(headers)
    set_cookies = [morsel.OutputString() for morsel in response.cookies.values()]
    results = {
        "content-security-policy": csp_result,
        "cookies": cookies_test(set_cookies, hsts == "hsts-implemented-max-age-at-least-six-months"),
        "cross-origin-resource-sharing": cors_test(cors_response.headers, origin),
        "redirection": redirection_test(route),
        "referrer-policy": referrer_policy_test(headers),
        "strict-transport-security": hsts,
        "subresource-integrity": sri_test(headers, response.content.decode(), urlsplit(page).hostname),
        "x-content-type-options": x_content_type_options_test(headers),
        "x-frame-options": x_frame_options_test(headers, csp),
        "cross-origin-resource-policy": corp_test(headers),
    }
    return grade(results)
