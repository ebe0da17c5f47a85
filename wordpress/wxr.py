"""Reading a WordPress export (WXR 1.1 or 1.2) safely: defusedxml refuses DTDs, entity declarations
(the "billion laughs" bomb) and external entities; a malformed or truncated file names its line.

The file is streamed (iterparse), never held whole: `read` checks all of it first (well-formed, an
export, a version we know) and gathers the channel's details and how many items it has; `Export.posts()`
then reads it again, one item at a time, each cleared once read. Memory stays the same for any size.
"""

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

VERSIONS = {"1.1", "1.2"}
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
# The export's own namespaces carry its version: http://wordpress.org/export/1.2/ and .../1.2/excerpt/
WP = re.compile(r"http://wordpress\.org/export/\d\.\d/")
EXCERPT = re.compile(r"http://wordpress\.org/export/\d\.\d/excerpt/")


class WXRError(Exception):
    """The file cannot be imported; the message says where and why."""


@dataclass
class ReaderComment:
    comment_id: str
    parent_id: str
    author: str
    email: str
    ip: str
    date: datetime | None
    content: str
    state: str  # WordPress's comment_approved: "1", "0", "spam", "trash"
    kind: str  # "" or "comment" for a reader's comment; "pingback", "trackback" otherwise


@dataclass
class Post:
    guid: str
    post_id: str
    post_type: str
    status: str
    title: str
    slug: str
    link: str
    author: str
    date: datetime | None
    content: str
    excerpt: str
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, slug, name)
    attachment_url: str = ""
    comments: list[ReaderComment] = field(default_factory=list)

    @property
    def source_hash(self) -> str:
        """Changes when the export's version of the item changes (for updates on a later import)."""
        parts = [self.title, self.slug, self.content, self.excerpt, self.status, repr(sorted(self.terms))]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@dataclass
class Export:
    version: str
    site_url: str
    authors: dict[str, str]  # login -> display name
    path: Path
    count: int  # items in the channel
    wp: str  # the namespaces of this export
    excerpt: str | None

    @property
    def posts(self) -> Iterator[Post]:
        """Every item of the channel, in file order, read from the file as it is consumed."""
        try:
            for element in _channel_children(self.path):
                if element.tag == "item":
                    yield _post(element, self.wp, self.excerpt)
        except (ParseError, DefusedXmlException, OSError) as error:  # the file changed since it was checked
            raise WXRError(f"The file can no longer be read as it was when checked: {error}.") from error


def _date(text: str | None) -> datetime | None:
    if not text or text.startswith("0000"):
        return None
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _channel_children(path, namespaces: set[str] | None = None, top: list | None = None) -> Iterator:
    """Each child of <rss><channel>, complete, then cleared. `namespaces` gathers every namespace used;
    `top` receives the root and channel elements (emptied) once the file is read."""
    stack, root, channel = [], None, None
    events = iterparse(str(path), events=("start", "end"), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    for event, element in events:
        if event == "start":
            if not stack:
                root = element
            elif len(stack) == 1 and channel is None and element.tag == "channel":
                channel = element
            stack.append(element)
            continue
        stack.pop()
        if len(stack) != 2 and not (len(stack) == 1 and element is not channel):
            continue
        # A child of the channel (or of any other element under the root): read, then let go, so that
        # memory does not grow with the file.
        if namespaces is not None:
            _gather_namespaces(element, namespaces)
        if stack[-1] is channel:
            yield element
        element.clear()
        stack[-1].remove(element)
    if namespaces is not None:
        for element in (root, channel):
            if element is not None:
                _gather_namespaces(element, namespaces, deep=False)
    if top is not None:
        top += [root, channel]


def read(path) -> Export:
    """Check the whole file and read its channel's details, or raise WXRError naming the line of the problem."""
    namespaces: set[str] = set()
    top: list = []
    children = []  # the channel's own elements (title, link, version, authors): never items
    count = 0
    try:
        for element in _channel_children(path, namespaces, top):
            if element.tag == "item":
                count += 1
            else:
                children.append(_copy(element))
    except ParseError as error:
        line, column = error.position
        raise WXRError(f"The file is not well-formed XML at line {line}, column {column}: {error.msg}.") from error
    except DefusedXmlException as error:
        raise WXRError(f"The file declares a DTD or entities, which are refused for safety ({error}).") from error
    except OSError as error:
        raise WXRError(f"The file cannot be read: {error}.") from error
    root, channel = top
    if root.tag != "rss" or channel is None:
        raise WXRError("This is not a WordPress export: there is no <rss><channel>.")
    wp = next((uri for uri in namespaces if WP.fullmatch(uri)), None)
    version = _find_text(children, f"{{{wp}}}wxr_version") if wp else None
    if version not in VERSIONS:
        raise WXRError(f"WXR version {version!r} is not supported; export again as WXR 1.1 or 1.2.")
    excerpt = next((uri for uri in namespaces if EXCERPT.fullmatch(uri)), None)

    def text(element, name: str) -> str:
        return (element.findtext(name) or "").strip()

    authors = {
        text(author, f"{{{wp}}}author_login"): text(author, f"{{{wp}}}author_display_name")
        for author in children
        if author.tag == f"{{{wp}}}author"
    }
    site_url = (_find_text(children, "link") or "").strip().rstrip("/")
    return Export(
        version=version, site_url=site_url, authors=authors, path=Path(path), count=count, wp=wp, excerpt=excerpt
    )


def _copy(element):
    """A channel element kept after the stream clears it (they are few and small)."""
    copy = element.makeelement(element.tag, dict(element.attrib))
    copy.text, copy.tail = element.text, element.tail
    copy.extend(_copy(child) for child in element)
    return copy


def _find_text(elements, tag: str) -> str | None:
    return next((element.text or "" for element in elements if element.tag == tag), None)


def _post(item, wp: str, excerpt: str | None) -> Post:
    def text(name: str) -> str:
        return (item.findtext(name) or "").strip()

    return Post(
        guid=text("guid"),
        post_id=text(f"{{{wp}}}post_id"),
        post_type=text(f"{{{wp}}}post_type"),
        status=text(f"{{{wp}}}status"),
        title=text("title"),
        slug=text(f"{{{wp}}}post_name"),
        link=text("link"),
        author=text(f"{{{DC}}}creator"),
        date=_date(item.findtext(f"{{{wp}}}post_date_gmt")),
        content=item.findtext(f"{{{CONTENT}}}encoded") or "",
        excerpt=(item.findtext(f"{{{excerpt}}}encoded") or "") if excerpt else "",
        attachment_url=text(f"{{{wp}}}attachment_url"),
        comments=[_comment(comment, wp) for comment in item.findall(f"{{{wp}}}comment")],
        terms=[(c.get("domain", ""), c.get("nicename", ""), (c.text or "").strip()) for c in item.findall("category")],
    )


def _comment(element, wp: str) -> ReaderComment:
    def text(name: str) -> str:
        return (element.findtext(f"{{{wp}}}{name}") or "").strip()

    return ReaderComment(
        comment_id=text("comment_id"),
        parent_id=text("comment_parent"),
        author=text("comment_author"),
        email=text("comment_author_email"),
        ip=text("comment_author_IP"),
        date=_date(text("comment_date_gmt")),
        content=element.findtext(f"{{{wp}}}comment_content") or "",
        state=text("comment_approved"),
        kind=text("comment_type"),
    )


def _gather_namespaces(element, found: set[str], *, deep: bool = True) -> None:
    for each in element.iter() if deep else (element,):
        for name in (each.tag, *each.attrib):
            if isinstance(name, str) and name.startswith("{"):
                found.add(name[1 : name.index("}")])
