"""The XSS corpus through every field that reaches a public page, checked in the rendered HTML.

Content is published through the real services (submitted by an editor, approved
by a medical reviewer; strain profiles, one per vein colour, are edited through
reviewed revisions), comments through comment_create and a moderator's approval.
Every page a reader could see with a payload on it is fetched with the test
client and read by tests/security/html_safety.py.

Each item carries one payload in its body, title and summary at once (and each
comment in its name and body), which keeps the file fast; a finding is put down
to the field whose rendering contains it, so failures read
"payload id | type.field | URL | what: snippet".
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import markdown
import pytest
from django.contrib.auth.models import Group
from django.test import Client, override_settings
from django.utils.html import escape

from comments.data_requests import data_link
from comments.models import CommentStatus
from comments.moderation import comment_moderate
from comments.services import comment_create
from comments.templatetags.comments import PER_PAGE, comment_text
from editorial.models import Status
from editorial.roles import EDITOR, MODERATOR, REVIEWER
from editorial.workflow.revisions import snapshot
from editorial.workflow.services import content_approve, content_submit, revision_propose, revision_publish
from tests import factories
from tests.security.html_safety import Finding, findings, problems, visible_text_contains
from tests.security.xss_payloads import PAYLOADS, STORABLE, Payload

pytestmark = pytest.mark.django_db

SOURCE_KEY = "xss-src"
MARKER = "zqxmarker"  # one word in every body, so one search lists every item
LIMITS = {"title": 200, "summary": 300, "name": 80, "q": 200}  # model and form maximum lengths
CONTENT_TYPES = ("article", "faq", "risk", "page")  # strain: one per vein colour, see its own test
# Payloads whose text must come out visibly (as code), proving bodies really reach the page.
SHOWN_AS_TEXT = {"md-code-span": "<script>alert(1)</script>", "md-code-indented": "<img src=x onerror=alert(1)>"}
FACTORIES = {
    "article": factories.ArticleFactory,
    "faq": factories.FAQEntryFactory,
    "risk": factories.RiskItemFactory,
    "page": factories.PageFactory,
    "strain": factories.StrainProfileFactory,
}


@dataclass
class People:
    editor: object
    reviewer: object
    moderator: object
    writer: object  # the editor's contributor profile, author of everything


def make_people(django_user_model) -> People:
    """An editor (the author), a medical reviewer with credentials, a moderator; and the cited source."""
    users = {}
    for username, role in [("xss-editor", EDITOR), ("xss-reviewer", REVIEWER), ("xss-moderator", MODERATOR)]:
        user = django_user_model.objects.create_user(username, password="a-long-test-password", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        users[username] = user
    writer = factories.ContributorFactory(name="Writer", slug="xss-writer", credentials="", user=users["xss-editor"])
    factories.ContributorFactory(name="Dr Review", slug="xss-review", credentials="MD", user=users["xss-reviewer"])
    factories.SourceFactory(key=SOURCE_KEY)
    return People(users["xss-editor"], users["xss-reviewer"], users["xss-moderator"], writer)


@pytest.fixture
def people(django_user_model) -> People:
    return make_people(django_user_model)


def fit(text: str, field: str) -> str:
    """The payload cut to the field's maximum length (a cut payload is still hostile input)."""
    return text[: LIMITS[field]]


def body_with(text: str) -> str:
    """A publishable body: a citation (required), three headings (so the contents list shows), the payload."""
    return f"Cited [@{SOURCE_KEY}].\n\n## Context one\n\n## Context two\n\n## Context three\n\n{MARKER}\n\n{text}\n"


def content_values(payload: Payload) -> dict:
    return {
        "title": fit(payload.text, "title"),
        "summary": fit(payload.text, "summary"),
        "body": body_with(payload.text),
    }


def publish(kind: str, people: People, *, slug: str, title: str, summary: str, body: str, **fields):
    """A draft put live through the workflow services: submitted by the editor, approved by a reviewer."""
    draft = FACTORIES[kind](
        slug=slug, title=title, summary=summary, body=body, author=people.writer, status=Status.DRAFT, **fields
    )
    content_submit(obj=draft, user=people.editor)
    live = content_approve(obj=draft, user=people.reviewer)
    assert live.status == Status.PUBLISHED and live.is_public
    return live


def revise(obj, people: People, **changes):
    """Edit a live item as the admin does: a revision by the editor, published by a reviewer."""
    for name, value in changes.items():
        setattr(obj, name, value)
    revision = revision_propose(obj=obj, user=people.editor, data=snapshot(obj))
    return revision_publish(revision=revision, user=people.reviewer)


def post_approved_comment(people: People, article, payload: Payload, ip_hash: str):
    """A reader's comment with the payload as name and body, through comment_create, approved by a moderator."""
    comment, created = comment_create(
        article=article,
        parent=None,
        name=fit(payload.text, "name"),
        email="xss@example.org",
        # Payloads that differ only in letter case are one comment to the duplicate check; the id keeps them apart.
        body=f"{payload.text}\n\n{payload.id}",
        ip_hash=ip_hash,
    )
    assert created, payload.id
    if comment.status != CommentStatus.APPROVED:  # held (first comment, links ...): a moderator approves
        comment = comment_moderate(comment=comment, decision="approve", user=people.moderator)
    assert comment.status == CommentStatus.APPROVED
    return comment


@dataclass
class Carrier:
    """Where one payload sits on the pages: its rendered HTML per field, to put findings down to a field."""

    payload: Payload
    fields: dict[str, str]  # field -> the exact HTML the site renders for it (escaped text, or body_html)
    prefix: str  # "article", "comment", ...

    def field_of(self, html: str, finding: Finding) -> str:
        for field, rendered in self.fields.items():
            for match in re.finditer(re.escape(rendered), html):
                if match.start() <= finding.offset < match.end():
                    return f"{self.prefix}.{field}"
        # Outside every expected rendering: an unescaped plain-text field is the likely cause.
        raw = [field for field in self.fields if field != "body" and self.payload.text[:40] in html]
        return f"{self.prefix}.{'/'.join(raw) or 'template'}"


class Audit:
    """Fetches pages, runs the checker, and keeps what failed and how much was checked."""

    def __init__(self, client: Client, what: str):
        self.client = client
        self.what = what
        self.failures: list[str] = []
        self.urls: set[str] = set()
        self.pages = 0
        self.combinations = 0

    def get(self, url: str, carriers: list[Carrier], *, allowed_status=(200,), allow_self_forms=False) -> str:
        """Fetch and check one page that shows `carriers`; every finding is put down to a payload and field."""
        response = self.client.get(url)
        ids = ",".join(c.payload.id for c in carriers[:3]) + ("..." if len(carriers) > 3 else "")
        assert response.status_code in allowed_status, f"{url} answered {response.status_code} ({ids})"
        html = response.content.decode()
        self.pages += 1
        self.urls.add(url.split("?")[0])
        for finding in findings(html, allow_self_forms=allow_self_forms):
            owners = [(c, c.field_of(html, finding)) for c in carriers]
            located = [(c, field) for c, field in owners if not field.endswith(".template")] or owners
            label = "; ".join(f"{c.payload.id} | {field}" for c, field in located[:3]) if located else "(no payload)"
            self.failures.append(f"{label} | {url} | {finding}")
        return html

    def need(self, condition: bool, message: str) -> None:
        if not condition:
            self.failures.append(f"not rendered: {message}")

    def finish(self) -> None:
        print(
            f"\n{self.what}: {len(PAYLOADS)} payloads, {self.combinations} payload x field combinations, "
            f"{self.pages} page views of {len(self.urls)} distinct pages"
        )
        shown = "\n".join(self.failures[:60])
        assert not self.failures, f"{len(self.failures)} problem(s) in {self.what}:\n{shown}"


def get_pages(audit: Audit, url: str, carriers: list[Carrier], *, per_page: int, param: str = "page") -> str:
    html = ""
    for number in range(1, -(-len(carriers) // per_page) + 1):
        separator = "&" if "?" in url else "?"
        chunk = carriers[(number - 1) * per_page : number * per_page]
        html += audit.get(f"{url}{separator}{param}={number}", chunk)
    return html


def content_carrier(kind: str, payload: Payload, obj) -> Carrier:
    return Carrier(
        payload, {"body": obj.body_html, "title": escape(obj.title), "summary": escape(obj.summary)}, prefix=kind
    )


def check_detail(audit: Audit, carrier: Carrier, obj) -> None:
    """The item's own page: its body, title and summary must be there, and nothing unsafe."""
    html = audit.get(obj.get_absolute_url(), [carrier])
    label = f"{carrier.payload.id} | {carrier.prefix}"
    for field, rendered in carrier.fields.items():
        audit.need(rendered in html, f"{label}.{field} missing from {obj.get_absolute_url()}")
    audit.need(MARKER in obj.body_html, f"{label}.body: the text before the payload was lost")
    if carrier.payload.id in SHOWN_AS_TEXT:
        audit.need(visible_text_contains(html, SHOWN_AS_TEXT[carrier.payload.id]), f"{label}.body: code not shown")
    audit.combinations += len(carrier.fields)


@pytest.mark.parametrize("kind", CONTENT_TYPES)
def test_content_renders_safely(client, people, kind):
    """Every payload in the body, title and summary of a published item, on every page that shows it."""
    audit = Audit(client, f"{kind} body/title/summary")
    carriers, objects = [], []
    for number, payload in enumerate(STORABLE):
        obj = publish(kind, people, slug=f"xss-{kind}-{number}", **content_values(payload))
        carriers.append(content_carrier(kind, payload, obj))
        objects.append(obj)

    for carrier, obj in zip(carriers, objects, strict=True):
        check_detail(audit, carrier, obj)

    listed = audit.get("/", carriers)
    if kind == "article":
        listed += get_pages(audit, "/articles/", carriers[::-1], per_page=10)  # newest first
    elif kind == "faq":
        listed += audit.get("/faq/", carriers)  # every question with its whole answer
        missing = [c.payload.id for c in carriers if c.fields["body"] not in listed]
        audit.need(not missing, f"faq bodies missing from /faq/: {missing}")
    elif kind == "risk":
        listed += audit.get("/risks/", carriers)
    by_title = sorted(carriers, key=lambda c: (-int(MARKER in c.payload.text), c.fields["title"]))
    listed += get_pages(audit, f"/search/?q={MARKER}", by_title, per_page=20)
    missing = [c.payload.id for c in carriers if c.fields["title"] not in listed]
    audit.need(not missing, f"{kind} titles missing from the list and search pages: {missing}")
    audit.finish()


def test_strain_renders_safely_through_reviewed_revisions(client, people):
    """Strain profiles are one per vein colour, so each payload is a reviewed revision of one live strain."""
    audit = Audit(client, "strain body/title/summary")
    strain = publish("strain", people, slug="red-vein", title="Red vein", summary="Red.", body=body_with("Start."))
    for payload in STORABLE:
        strain = revise(strain, people, **content_values(payload))
        carrier = content_carrier("strain", payload, strain)
        check_detail(audit, carrier, strain)
    results = audit.get(f"/search/?q={MARKER}", [carrier])  # the last revision, as listed
    audit.need(carrier.fields["title"] in results, f"{carrier.payload.id} | strain.title missing from search results")
    audit.get("/strains/", [carrier])
    audit.finish()


def test_comments_render_safely(client, people):
    """Every payload as an approved comment's name and body: the thread, the reply form, the writer's data page."""
    audit = Audit(client, "comment name/body")
    article = publish("article", people, slug="xss-comments", title="Comments", summary="S.", body=body_with("B."))
    carriers, comments = [], []
    with override_settings(COMMENTS_RATE_LIMITS=[]):  # one writer posts them all, so one data page lists them
        for payload in STORABLE:
            comment = post_approved_comment(people, article, payload, ip_hash="a" * 64)
            comments.append(comment)
            carriers.append(
                Carrier(payload, {"body": comment_text(comment.body), "name": escape(comment.name)}, "comment")
            )

    thread = get_pages(audit, article.get_absolute_url(), carriers, per_page=PER_PAGE, param="comments_page")
    for carrier in carriers:
        for field, rendered in carrier.fields.items():
            audit.need(rendered in thread, f"{carrier.payload.id} | comment.{field} missing from the thread")
        audit.combinations += 2
    for carrier, comment in zip(carriers, comments, strict=True):  # the reply form names the comment answered
        page = audit.get(f"/articles/{article.slug}/reply/?parent={comment.pk}", [carrier], allow_self_forms=True)
        audit.need(carrier.fields["name"] in page, f"{carrier.payload.id} | comment.name missing from the reply form")
    data_path = "/" + data_link("xss@example.org").split("://", 1)[1].split("/", 1)[1]
    data_page = audit.get(data_path, carriers, allow_self_forms=True)
    missing = [c.payload.id for c in carriers if escape(c.payload.text.split("\n")[0]) not in data_page]
    audit.need(not missing, f"comment bodies missing from the data page: {missing}")
    audit.finish()


def test_search_query_renders_safely(client, people):
    """Every payload as the search query; one article holds them all as code, so most queries list it."""
    code = "\n\n".join("    " + payload.text.replace("\n", "\n    ") for payload in STORABLE)
    publish("article", people, slug="xss-search", title="Search corpus", summary="S.", body=body_with(code))
    audit = Audit(client, "search q")
    found = 0
    for payload in PAYLOADS:
        carrier = Carrier(payload, {"q": escape(payload.text.strip())}, "search")
        html = audit.get(f"/search/?{urlencode({'q': payload.text})}", [carrier], allowed_status=(200, 400))
        if "\0" not in payload.text and len(payload.text) <= LIMITS["q"]:  # otherwise the form refuses it (400)
            audit.need(carrier.fields["q"] in html, f"{payload.id} | q: query not echoed")
            found += "Search corpus" in html
        audit.combinations += 1
    print(f"\nsearch: {found} of {len(PAYLOADS)} queries listed the corpus article with a snippet")
    # (PostgreSQL's websearch parser drops more of the symbols than SQLite's word match: 83 vs 100+.)
    assert found >= len(PAYLOADS) // 3, "too few queries reached the results page"
    audit.finish()


# The checker itself: what a browser would run must be seen, the site's own markup must pass.
BROWSER_WOULD_RUN = [
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',  # noscript is raw text to a browser
    '<textarea><img title="</textarea><img src=x onerror=alert(1)>">',
    "<!--><img src=x onerror=alert(1)>-->",  # "<!-->" is a whole (empty) comment
    "<!-- --!><img src=x onerror=alert(1)> -->",
    "<![CDATA[><img src=x onerror=alert(1)>]]>",  # a bogus comment up to the first ">"
    "<svg><style><img src=x onerror=alert(1)></style></svg>",  # <style> is not raw text inside <svg>
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
    '<a href=" \x01JavaScript:alert(1)">x</a>',
    "<p>text <img src=x onerror=alert(1)",  # cut off at the end: html.parser gives up, a browser does not
    '<script type="application/ld+json">{"a": "</p><img src=x>"}</script>',
    '<form action="https://evil.example/"><button>x</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="import" href="/x">',
    '<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
    "<math><mtext><mglyph><style><img src=x onerror=alert(1)>",
    '<div style="color:red">x</div>',
    '<img srcset="/a.png 1x, javascript:alert(1) 2x">',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<button formaction="data:text/html,x">x</button>',
]
BROWSER_WOULD_NOT_RUN = [
    "<p>&lt;script&gt;alert(1)&lt;/script&gt; a &lt; b</p>",
    '<a href="/articles/x/">x</a><a href="https://a.example/">y</a><a href="mailto:a@example.org">z</a>',
    '<a href="#fn-1">1</a><a href="tel:988">988</a><a href="?page=2">next</a>',
    '<form class="site-search" action="/search/" method="get"><input name="q"><button>Go</button></form>',
    '<link rel="stylesheet" href="/static/css/site.css"><link rel="canonical" href="https://example.org/x/">',
    '<script type="application/ld+json">{"name": "\\u003cscript\\u003e"}</script>',
    '<svg viewBox="0 0 10 10" role="img"><title>t</title><desc>d</desc><rect x="1"/><text>1</text></svg>',
    '<p title="&quot; onmouseover=&quot;alert(1)">x</p>',
    "<textarea name=body><img src=x onerror=alert(1)></textarea>",  # text inside a textarea
    "<title><img src=x onerror=alert(1)></title>",
    '<a href="java\0script:alert(1)">x</a><a href="jav    ascript:alert(1)">y</a>',  # not schemes to a browser
]


@pytest.mark.parametrize("html", BROWSER_WOULD_RUN)
def test_the_checker_sees_what_a_browser_would_run(html):
    assert problems(f"<!doctype html><html><body>{html}</body></html>")


@pytest.mark.parametrize("html", BROWSER_WOULD_NOT_RUN)
def test_the_checker_passes_harmless_markup(html):
    assert problems(f"<!doctype html><html><body>{html}</body></html>") == []


def test_the_corpus_is_hostile_without_the_sanitiser():
    """Rendered by Python-Markdown alone (no nh3), most payloads give markup the checker flags."""
    flagged = [p.id for p in PAYLOADS if problems(markdown.markdown(p.text, extensions=["tables", "footnotes"]))]
    print(f"\n{len(flagged)} of {len(PAYLOADS)} payloads are unsafe when Markdown output is not sanitised")
    assert len(PAYLOADS) >= 80
    assert len(flagged) >= 120


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if p not in STORABLE], ids=lambda p: p.id)
def test_payloads_with_nul_are_refused_by_the_forms_and_rendered_safely(client, people, payload):
    """NUL can never be stored (every form refuses it; PostgreSQL cannot hold it), so it is tried where it
    can go: the reply form and the admin's Markdown preview, whose output must still be safe."""
    article = publish("article", people, slug="nul-target", title="NUL target", summary="S.", body=body_with("x"))
    reply = client.post(
        f"/articles/{article.slug}/reply/", {"name": "N", "email": "n@example.org", "body": payload.text}
    )
    assert reply.status_code == 400 and "Null characters are not allowed" in reply.content.decode()
    client.force_login(people.reviewer)
    preview = client.post("/admin/markdownx/markdownify/", {"content": payload.text})
    assert preview.status_code == 200 and not problems(preview.content.decode())
