"""Parse HTML the way a browser tokenises tags, so assertions see real attributes."""

import re
from html.parser import HTMLParser

SCRIPT_CAPABLE_TAGS = {
    "script", "iframe", "frame", "style", "svg", "math", "object", "embed", "form", "meta",
    "base", "link", "template", "noscript", "button", "input", "textarea", "select", "audio", "video",
}  # fmt: skip
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser.elements


def unsafe_parts(html: str) -> list[str]:
    """Everything in `html` that could run script or restyle the page; empty when safe."""
    problems = []
    for tag, attrs in elements(html):
        if tag in SCRIPT_CAPABLE_TAGS:
            problems.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name in {"style", "srcset"} or name.startswith("data-"):
                problems.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES:
                # As the URL standard parses: trim C0 controls and spaces, drop tabs and newlines.
                url = re.sub(r"[\t\n\r]", "", value.strip("".join(map(chr, range(0x21))))).lower()
                scheme = re.match(r"^([a-z][a-z0-9+.\-]*):", url)
                if scheme and scheme.group(1) not in SAFE_SCHEMES:
                    problems.append(f"<{tag} {name}={value!r}>")
    return problems


class _FormNesting(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.nested: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            if self.depth:
                self.nested.append(self.get_starttag_text() or "<form>")
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "form":
            self.depth = max(self.depth - 1, 0)


def nested_forms(html: str) -> list[str]:
    """Every <form> opened inside another: browsers drop it, so its button submits the outer form."""
    parser = _FormNesting()
    parser.feed(html)
    parser.close()
    return parser.nested
