"""Reading a WordPress export (WXR 1.1 or 1.2) safely: defusedxml refuses DTDs, entity declarations
(the "billion laughs" bomb) and external entities; a malformed or truncated file names its line."""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, parse

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
    posts: list[Post]


def _date(text: str | None) -> datetime | None:
    if not text or text.startswith("0000"):
        return None
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def read(path) -> Export:
    """Parse the file, or raise WXRError naming the line of the problem."""
    try:
        root = parse(path, forbid_dtd=True, forbid_entities=True, forbid_external=True).getroot()
    except ParseError as error:
        line, column = error.position
        raise WXRError(f"The file is not well-formed XML at line {line}, column {column}: {error.msg}.") from error
    except DefusedXmlException as error:
        raise WXRError(f"The file declares a DTD or entities, which are refused for safety ({error}).") from error
    except OSError as error:
        raise WXRError(f"The file cannot be read: {error}.") from error
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise WXRError("This is not a WordPress export: there is no <rss><channel>.")
    namespaces = _namespaces(root)
    wp = next((uri for uri in namespaces if WP.fullmatch(uri)), None)
    version = channel.findtext(f"{{{wp}}}wxr_version") if wp else None
    if version not in VERSIONS:
        raise WXRError(f"WXR version {version!r} is not supported; export again as WXR 1.1 or 1.2.")
    excerpt = next((uri for uri in namespaces if EXCERPT.fullmatch(uri)), None)

    def text(element, name: str) -> str:
        return (element.findtext(name) or "").strip()

    authors = {
        text(author, f"{{{wp}}}author_login"): text(author, f"{{{wp}}}author_display_name")
        for author in channel.findall(f"{{{wp}}}author")
    }
    posts = []
    for item in channel.findall("item"):
        posts.append(
            Post(
                guid=text(item, "guid"),
                post_id=text(item, f"{{{wp}}}post_id"),
                post_type=text(item, f"{{{wp}}}post_type"),
                status=text(item, f"{{{wp}}}status"),
                title=text(item, "title"),
                slug=text(item, f"{{{wp}}}post_name"),
                link=text(item, "link"),
                author=text(item, f"{{{DC}}}creator"),
                date=_date(item.findtext(f"{{{wp}}}post_date_gmt")),
                content=item.findtext(f"{{{CONTENT}}}encoded") or "",
                excerpt=(item.findtext(f"{{{excerpt}}}encoded") or "") if excerpt else "",
                attachment_url=text(item, f"{{{wp}}}attachment_url"),
                comments=[_comment(comment, wp) for comment in item.findall(f"{{{wp}}}comment")],
                terms=[
                    (c.get("domain", ""), c.get("nicename", ""), (c.text or "").strip())
                    for c in item.findall("category")
                ],
            )
        )
    return Export(version=version, site_url=text(channel, "link").rstrip("/"), authors=authors, posts=posts)


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


def _namespaces(root) -> set[str]:
    found = set()
    for element in root.iter():
        for name in (element.tag, *element.attrib):
            if name.startswith("{"):
                found.add(name[1 : name.index("}")])
    return found
