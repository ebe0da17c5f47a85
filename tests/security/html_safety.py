"""Find anything in a rendered page that could run script, the way a browser would read it.

`problems(html)` returns one line per finding ("what: <the tag as written>"), empty
when the page is safe. It knows the site's own markup (its forms, stylesheet,
canonical and feed links, the risk chart's SVG) and flags everything else that can
run script: script-capable elements, event-handler and style attributes, and URLs
whose scheme is not http, https or mailto once normalised as the URL parser does.
"""

import json
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

SAFE_SCHEMES = {"http", "https", "mailto"}
# The site's own helpline links (tel:988, sms:988 ...): digits only, so nothing to run. Markdown bodies cannot
# make them (nh3 allows http, https and mailto only).
SITE_TEL_RE = re.compile(r"^(tel|sms):\+?[0-9]+$")

# Elements that run script, load other documents, or change how the page is parsed or sent.
FORBIDDEN_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style",
    "isindex", "portal", "fencedframe", "template", "xmp", "plaintext", "noembed", "noframes",
}  # fmt: skip

# Attributes holding a URL (or a list of them) that a browser may load or navigate to.
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "cite", "codebase",
    "archive", "longdesc", "usemap", "manifest", "ping", "icon", "lowsrc", "dynsrc", "profile", "classid",
    "itemtype", "srcdoc",
}  # fmt: skip
URL_LIST_ATTRIBUTES = {"srcset", "imagesrcset"}
SPACE_SEPARATED_URL_ATTRIBUTES = {"ping", "archive"}

# Inside <svg>/<math> only presentational children are safe; the risk chart uses a few of these.
SAFE_FOREIGN_CHILDREN = {
    "svg": {
        "title", "desc", "text", "tspan", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "g",
        "defs", "lineargradient", "radialgradient", "stop", "clippath",
    },
    "math": {
        "mi", "mn", "mo", "ms", "mtext", "mrow", "msup", "msub", "msubsup", "mfrac", "msqrt", "mroot", "mspace",
        "mtable", "mtr", "mtd", "mpadded", "mphantom", "menclose", "mover", "munder", "munderover", "semantics",
        "annotation",
    },
}  # fmt: skip

# <link rel> values the site may use, each with a URL judged like any other.
SAFE_LINK_RELS = {"stylesheet", "canonical", "alternate", "icon", "apple-touch-icon", "author", "license", "help"}

# The site's own forms: where they may send data.
DEFAULT_FORM_ACTIONS = frozenset({"/search/", "/articles/"})

JSON_LD_TYPE = "application/ld+json"
C0_AND_SPACE = "".join(map(chr, range(0x21)))
SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in an (already entity-decoded) attribute value, or None if relative.

    As the URL standard parses: strip leading and trailing C0 controls and spaces,
    remove every tab and newline, then read the scheme (case-insensitively).
    """
    cleaned = re.sub(r"[\t\n\r]", "", value.strip(C0_AND_SPACE))
    match = SCHEME_RE.match(cleaned)
    return match.group(1).lower() if match else None


def unsafe_url(value: str) -> bool:
    scheme = url_scheme(value)
    if scheme in {"tel", "sms"} and SITE_TEL_RE.match(value):
        return False
    return scheme is not None and scheme not in SAFE_SCHEMES


@dataclass(frozen=True)
class Finding:
    what: str
    snippet: str
    line: int
    offset: int  # position in the page, to tell which field put it there

    def __str__(self) -> str:
        return f"{self.what}: {self.snippet[:200]!r} (line {self.line})"


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()]


class _Checker(HTMLParser):
    """html.parser, taught the browser rules it lacks: raw-text elements, how comments end, CDATA."""

    # Read as text up to their end tag, as a browser does (outside <svg>/<math>), so markup hidden in them
    # by a sanitiser that parsed differently is not mistaken for an attribute value here.
    CDATA_CONTENT_ELEMENTS = (
        "script", "style", "textarea", "title", "noscript", "xmp", "iframe", "noembed", "noframes",
    )  # fmt: skip

    def __init__(self, *, form_actions, allow_self_forms: bool, static_prefix: str):
        # Entities stay undecoded in text, so a literal "<" in text means markup the parser could not read.
        super().__init__(convert_charrefs=False)
        self.form_actions = form_actions
        self.allow_self_forms = allow_self_forms
        self.static_prefix = static_prefix
        self.findings: list[Finding] = []
        self.line_starts: list[int] = []
        self.foreign: list[str] = []  # open <svg>/<math> elements
        self.script: dict | None = None  # the allowed <script> being read: {"text", "tag", "external"?}

    def feed_page(self, html: str) -> None:
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.feed(html)
        self.close()

    def report(self, what: str, tag_text: str | None = None) -> None:
        snippet = tag_text if tag_text is not None else (self.get_starttag_text() or "")
        line, column = self.getpos()
        offset = self.line_starts[line - 1] + column if self.line_starts else 0
        self.findings.append(Finding(what, snippet, line, offset))

    # --- tags -----------------------------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs, self_closing=True)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            self._check_script_end()
        if self.foreign and tag == self.foreign[-1]:
            self.foreign.pop()
        elif tag in self.foreign:  # an end tag that closes several open foreign elements at once
            while self.foreign and self.foreign.pop() != tag:
                pass

    def handle_data(self, data):
        if self.script is not None:
            self.script["text"] += data
        elif not self.cdata_elem and re.search(r"<[a-zA-Z/!?]", data):
            # html.parser gave up on a tag here (malformed, or cut off at the end); a browser would not.
            self.report("markup html.parser could not read, which a browser would", data[:150])

    def set_cdata_mode(self, elem):
        if not self.foreign:  # in <svg>/<math>, <style>, <title> ... have ordinary children
            super().set_cdata_mode(elem)

    def parse_comment(self, i, report=1):
        # As browsers end comments: "<!-->" and "<!--->" are empty comments, and "--!>" ends one too.
        rawdata = self.rawdata
        for empty in ("<!-->", "<!--->"):
            if rawdata.startswith(empty, i):
                self.handle_comment("")
                return i + len(empty)
        ends = [(j, len(end)) for end in ("-->", "--!>") if (j := rawdata.find(end, i + 4)) >= 0]
        if not ends:
            return -1
        j, length = min(ends)
        self.handle_comment(rawdata[i + 4 : j])
        return j + length

    def parse_html_declaration(self, i):
        # Outside <svg>/<math>, "<![CDATA[" is a bogus comment that ends at the first ">", not at "]]>".
        if self.rawdata.startswith("<![", i) and not self.foreign:
            j = self.rawdata.find(">", i)
            if j < 0:
                return -1
            self.report("CDATA or marked section in HTML", self.rawdata[i : j + 1])
            return j + 1
        return super().parse_html_declaration(i)

    def handle_comment(self, data):
        # Conditional comments (<!--[if IE]>...) once ran markup in old browsers; nothing legitimate needs them.
        if data.lstrip().startswith("[if") or "<script" in data.lower():
            self.report("conditional or script-bearing comment", f"<!--{data[:150]}-->")

    def unknown_decl(self, data):
        self.report("CDATA or unknown declaration", f"<![{data[:150]}]>")

    # --- checks ---------------------------------------------------------------------------------------------

    def _check(self, tag: str, attrs: list[tuple[str, str | None]], *, self_closing: bool) -> None:
        values = {name: value or "" for name, value in attrs}
        if self.foreign:
            parent = self.foreign[0]
            if tag not in SAFE_FOREIGN_CHILDREN[parent]:
                self.report(f"<{tag}> inside <{parent}> (script-capable or namespace-confusing child)")
        opens_foreign = tag in ("svg", "math") or (self.foreign and tag in SAFE_FOREIGN_CHILDREN[self.foreign[0]])
        if opens_foreign and not self_closing:
            self.foreign.append(tag)

        if tag == "script":
            self._check_script_start(values)
        elif tag in FORBIDDEN_ELEMENTS:
            self.report(f"<{tag}> element")
        elif tag == "meta" and values.get("http-equiv", "").strip().lower() in {"refresh", "set-cookie"}:
            self.report("<meta http-equiv> that navigates or sets cookies")
        elif tag == "link":
            self._check_link(values)
        elif tag == "form":
            self._check_form(values)

        for name, value in values.items():
            if name.startswith("on"):
                self.report(f"event-handler attribute {name}")
            elif name == "style":
                self.report("style attribute")
            elif name in URL_ATTRIBUTES:
                urls = value.split() if name in SPACE_SEPARATED_URL_ATTRIBUTES else [value]
                if name == "srcdoc" or any(unsafe_url(url) for url in urls):
                    self.report(f"{name} with a scheme other than {'/'.join(sorted(SAFE_SCHEMES))}")
            elif name in URL_LIST_ATTRIBUTES and any(unsafe_url(url) for url in _srcset_urls(value)):
                self.report(f"{name} with an unsafe URL")
            elif name in {"to", "from", "values"} and tag in {"set", "animate", "animatemotion", "animatetransform"}:
                self.report(f"SVG animation setting {name}")  # can turn any attribute into a javascript: URL

    def _check_script_start(self, values: dict[str, str]) -> None:
        kind = values.get("type", "").strip().lower()
        src = values.get("src")
        if kind == JSON_LD_TYPE and src is None:
            self.script = {"text": "", "tag": self.get_starttag_text() or ""}
            return
        if (
            src is not None
            and src.startswith(self.static_prefix)
            and not src.startswith("//")
            and kind in {"", "module"}
        ):
            self.script = {"text": "", "tag": self.get_starttag_text() or "", "external": True}
            return
        self.report("<script> element")

    def _check_script_end(self) -> None:
        script, self.script = self.script, None
        text = script["text"]
        if script.get("external"):
            if text.strip():
                self.report("same-origin script with inline content", script["tag"] + text[:150])
            return
        if any(char in text for char in "<>&"):
            self.report("JSON-LD with unescaped <, > or &", script["tag"] + text[:150])
        try:
            json.loads(text)
        except ValueError:
            self.report("JSON-LD that is not valid JSON", script["tag"] + text[:150])

    def _check_link(self, values: dict[str, str]) -> None:
        rels = set(values.get("rel", "").lower().split())
        if not rels or not rels <= SAFE_LINK_RELS:
            self.report("<link> with a rel the site does not use")
        elif "stylesheet" in rels and not values.get("href", "").startswith(self.static_prefix):
            self.report("stylesheet not served from our static files")

    def _check_form(self, values: dict[str, str]) -> None:
        if "action" not in values:
            if not self.allow_self_forms:
                self.report("<form> without an action (posts to this page)")
            return
        action = values["action"]
        if action not in self.form_actions:
            self.report("<form> whose action is not one of the site's own")


def findings(
    html: str,
    *,
    form_actions=DEFAULT_FORM_ACTIONS,
    allow_self_forms: bool = False,
    static_prefix: str = "/static/",
) -> list[Finding]:
    """Everything in `html` that could run script or send readers elsewhere; empty when safe."""
    checker = _Checker(form_actions=form_actions, allow_self_forms=allow_self_forms, static_prefix=static_prefix)
    checker.feed_page(html)
    if checker.script is not None:
        checker.report("<script> left open at the end of the page", checker.script["tag"])
    return checker.findings


def problems(html: str, **options) -> list[str]:
    """`findings` as one line each."""
    return [str(finding) for finding in findings(html, **options)]


def visible_text_contains(html: str, text: str) -> bool:
    """Whether `text` appears in the page once entities are decoded (a payload rendered as text)."""
    return text in unescape(html)
