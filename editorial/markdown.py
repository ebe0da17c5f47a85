"""The one Markdown pipeline: Python-Markdown renders, nh3 (Ammonia) sanitises.

Markdown does not sanitise, so everything it produces, including raw HTML an
author typed, goes through an explicit nh3 allow-list. The result is stored on
the row (`body_html`) with the pipeline version in `rendered_with`; bump
PIPELINE_VERSION whenever the output for the same input changes, then run
`manage.py rerender_markdown`.
"""

import html
import logging
import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

import markdown
import nh3
from django.conf import settings
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

logger = logging.getLogger(__name__)

PIPELINE_VERSION = 3

# Ids we generate: "<prefix>h-<slug>" for headings, "<prefix>fn-<label>" and
# "<prefix>fnref-<label>" for footnotes, "cite-<type>-<pk>-<n>" for citations
# (whose sources list, rendered by a template, has "src-<type>-<pk>-<n>"). The
# prefix ("article-12-") keeps several objects on one page from colliding.
# nh3 drops every other id.
ID_PREFIX_RE = re.compile(r"^(?:[a-z]+-\d+-)?$")
GENERATED_ID_RE = re.compile(r"^(?:(?:[a-z]+-\d+-)?(?:h|fn|fnref\d*)-[a-z0-9_-]+|cite-[a-z]+(?:-\d+)?-\d+)$")
CITATION_RE = r"\[@([a-z0-9][a-z0-9-]*)\]"
ID_TAGS = {"h2", "h3", "h4", "li", "sup"}

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "div", "em", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
# Dropped with everything inside them, not just unwrapped.
CLEAN_CONTENT_TAGS = {"script", "style", "svg", "math", "iframe", "object", "embed", "template", "noscript"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
    **{tag: {"id"} for tag in ID_TAGS},
}
ALLOWED_CLASSES = {
    "sup": {"citation"},
    "a": {"footnote-ref", "footnote-backref"},
    "div": {"footnote"},
}
URL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class Rendered:
    html: str
    # Table of contents: [{"id", "name", "level", "children": [...]}] for h2-h3.
    toc: list = field(default_factory=list)
    # Source keys cited with [@key], in order of first citation (position n = index + 1).
    citation_keys: list = field(default_factory=list)


def citation_namespace(id_prefix: str) -> str:
    """ "article-12-" -> "article-12": the part of citation anchors naming the object."""
    return id_prefix.rstrip("-") or "draft"


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "id":
        return value if tag in ID_TAGS and GENERATED_ID_RE.match(value) else None
    if tag == "img" and attr == "src":
        # Images only from our own media: no tracking pixels, no mixed content.
        media = settings.MEDIA_URL
        return value if value.startswith(media) and not value.startswith("//") else None
    return value


_cleaner = None


def _get_cleaner() -> nh3.Cleaner:
    global _cleaner
    if _cleaner is None:
        _cleaner = nh3.Cleaner(
            tags=ALLOWED_TAGS,
            clean_content_tags=CLEAN_CONTENT_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            attribute_filter=_attribute_filter,
            allowed_classes=ALLOWED_CLASSES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
            strip_comments=True,
        )
    return _cleaner


def sanitize(html: str) -> str:
    """Clean HTML with our allow-list; a crash inside nh3 degrades to escaped text."""
    try:
        return _get_cleaner().clean(html)
    except BaseException as exc:  # pyo3's PanicException derives from BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        logger.exception("nh3 failed to sanitise %d characters; falling back to escaped text", len(html))
        return linebreaks(escape(html))


def _footnote_id(value: str, id_prefix: str) -> str:
    kind, _, label = value.partition("-")
    return f"{id_prefix}{kind}-{slugify(label) or 'note'}"


class _PrefixFootnotes(Treeprocessor):
    """Give footnote ids (and the links to them) the object's prefix and a slug of the label."""

    def __init__(self, md: markdown.Markdown, id_prefix: str):
        super().__init__(md)
        self.id_prefix = id_prefix

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            value = element.get("id", "")
            if value.startswith("fn"):
                element.set("id", _footnote_id(value, self.id_prefix))
            href = element.get("href", "") if element.tag == "a" else ""
            if href.startswith("#fn"):
                element.set("href", "#" + _footnote_id(href[1:], self.id_prefix))


DECORATIVE_ALT = "decorative"
EMPTY_ALT_IMAGE_RE = re.compile(r"!\[\s*\]\(")


def images_without_alt_text(text: str) -> int:
    """How many Markdown images have empty alt text (write ![decorative](...) for purely decorative ones)."""
    return len(EMPTY_ALT_IMAGE_RE.findall(text or ""))


class _DecorativeImages(Treeprocessor):
    """`![decorative](...)` becomes alt="": screen readers skip an image that adds nothing."""

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter("img"):
            if element.get("alt", "").strip().lower() == DECORATIVE_ALT:
                element.set("alt", "")


class _DemoteH1(Treeprocessor):
    """The page title is the only <h1>; a `# heading` in a body becomes an <h2>."""

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter("h1"):
            element.tag = "h2"


class _Citations(InlineProcessor):
    """`[@key]` -> a numbered superscript linking to the object's sources list."""

    def __init__(self, md: markdown.Markdown, namespace: str):
        super().__init__(CITATION_RE, md)
        self.namespace = namespace
        self.keys: list[str] = []

    def handleMatch(self, match, data):  # noqa: N802 - Python-Markdown's name
        key = match.group(1)
        first = key not in self.keys
        if first:
            self.keys.append(key)
        number = self.keys.index(key) + 1
        sup = ElementTree.Element("sup", {"class": "citation"})
        if first:
            sup.set("id", f"cite-{self.namespace}-{number}")
        link = ElementTree.SubElement(sup, "a", {"href": f"#src-{self.namespace}-{number}"})
        link.text = f"[{number}]"
        return sup, match.start(0), match.end(0)


class _IdsExtension(markdown.Extension):
    def __init__(self, id_prefix: str):
        super().__init__()
        self.id_prefix = id_prefix
        self.citations: _Citations | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # Demote before toc (priority 5) so the heading gets its id and TOC entry;
        # prefix footnotes after the inline (20) and footnote (50) processors made them.
        md.treeprocessors.register(_DemoteH1(md), "demote_h1", 30)
        md.treeprocessors.register(_DecorativeImages(md), "decorative_images", 4)
        md.treeprocessors.register(_PrefixFootnotes(md, self.id_prefix), "prefix_footnotes", 4)
        # Above links (160) and footnote references (175) so "[@key]" is never read as either.
        self.citations = _Citations(md, citation_namespace(self.id_prefix))
        md.inlinePatterns.register(self.citations, "citation", 180)


def _toc_entries(tokens: list) -> list:
    return [
        # Python-Markdown gives names HTML-escaped; store plain text, templates escape it.
        {"id": t["id"], "name": html.unescape(t["name"]), "level": t["level"], "children": _toc_entries(t["children"])}
        for t in tokens
        if t["level"] <= 3
    ]


def render(text: str, *, id_prefix: str = "") -> Rendered:
    """Render Markdown to sanitised HTML, a table of contents and the cited source keys."""
    if not ID_PREFIX_RE.match(id_prefix):
        raise ValueError(f"id_prefix must look like 'article-12-', not {id_prefix!r}")

    def heading_slug(value: str, separator: str) -> str:
        return f"{id_prefix}h-{slugify(value) or 'section'}"

    ids = _IdsExtension(id_prefix)
    md = markdown.Markdown(
        extensions=[
            TableExtension(use_align_attribute=True),
            FootnoteExtension(SEPARATOR="-"),
            ids,
            TocExtension(slugify=heading_slug, toc_depth="2-4"),
            "sane_lists",
        ],
        output_format="html",
    )
    html = md.convert(text or "")
    return Rendered(html=sanitize(html), toc=_toc_entries(md.toc_tokens), citation_keys=ids.citations.keys)


def markdownify(text: str) -> str:
    """MARKDOWNX_MARKDOWNIFY_FUNCTION: whatever of django-markdownx's renders uses the real pipeline. The admin's
    live preview is editorial.views.MarkdownPreviewView, which adds the sources list."""
    return render(text).html
