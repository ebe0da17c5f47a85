"""WordPress post content to our Markdown: its paragraph rules, its shortcodes and block comments, then
markdownify (MIT). Our own pipeline sanitises the result when the article is saved. Reader comments
become the plain text our reply form accepts (comments.forms.plain_text)."""

import re
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from markdownify import markdownify

from comments.forms import plain_text

BLOCK_TAGS = (
    r"(?:table|thead|tbody|tfoot|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|blockquote|address|h[1-6]|figure"
    r"|figcaption|hr|p)"
)
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
# WordPress's own shortcodes: [caption ...]<img ...> Text[/caption] keeps its image and text; the media
# ones ([gallery ids="1,2"], [embed]...) are dropped. Other bracketed text ("[1]", "[sic]") is left alone.
SHORTCODES = r"(?:caption|wp_caption|gallery|audio|video|playlist|embed)"
PAIRED_SHORTCODE = re.compile(rf"\[({SHORTCODES})(?:\s[^\]]*)?\](.*?)\[/\1\]", re.S)
SINGLE_SHORTCODE = re.compile(rf"\[/?{SHORTCODES}(?:\s[^\]]*)?\]")


def autop(text: str) -> str:
    """WordPress stores posts without <p>: blank lines are paragraphs, single newlines line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        block = block.strip()
        if not block:
            continue
        if re.match(rf"<{BLOCK_TAGS}[\s>/]", block, re.I):
            paragraphs.append(block)
        else:
            paragraphs.append("<p>" + block.replace("\n", "<br>\n") + "</p>")
    return "\n\n".join(paragraphs)


def to_markdown(content: str) -> str:
    """The body of an imported post, as Markdown."""
    content = BLOCK_COMMENT.sub("", content)
    previous = None
    while previous != content:  # nested shortcodes unwrap from the inside out
        previous, content = content, PAIRED_SHORTCODE.sub(lambda match: match.group(2), content)
    content = SINGLE_SHORTCODE.sub("", content)
    markdown = markdownify(autop(content), heading_style="ATX", bullets="-", strip=["script", "style", "iframe"])
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def plain(text: str) -> str:
    """An excerpt or title as plain text."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", BLOCK_COMMENT.sub("", text))).strip()


# In a comment, <p> and <br> only shape the text (WordPress adds them); any other tag is markup our
# comments do not have, removed and reported. Block tags still end a paragraph.
SHAPING_TAGS = {"p", "br"}
BLOCK_TAGS_IN_COMMENTS = {"p", "div", "blockquote", "pre", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6"}
HIDDEN_TAGS = {"script", "style"}  # their content was never shown as text
# What a reader typed as < or > (stored by WordPress as &lt; &gt;): lookalikes, so "<3" stays readable
# and the text still passes the rule that refuses < and >.
TAG_SIGNS = str.maketrans({"<": "\u2039", ">": "\u203a"})


class _CommentText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)  # entities decoded: "&amp;" is "&"
        self.parts: list[str] = []
        self.hidden, self.markup = 0, False

    def handle_starttag(self, tag, attrs):
        self._tag(tag, opening=True)

    def handle_endtag(self, tag):
        self._tag(tag, opening=False)

    def _tag(self, tag: str, *, opening: bool) -> None:
        self.markup |= tag not in SHAPING_TAGS
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden + (1 if opening else -1))
        elif tag == "br":
            self.parts.append("\n")
        elif tag in BLOCK_TAGS_IN_COMMENTS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    def handle_comment(self, data):
        self.markup = True

    handle_decl = handle_pi = unknown_decl = handle_comment


def plain_comment(html: str) -> tuple[str, list[str]]:
    """A WordPress comment (HTML) as plain text that passes our reply form's rule, and what had to change
    beyond paragraphs and entities (for the report and the moderator). ValidationError if it cannot."""
    parser = _CommentText()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \t]*\n[ \t]*\n\s*", "\n\n", "".join(parser.parts).replace("\r\n", "\n")).strip()
    changes = ["HTML removed"] if parser.markup else []
    if "<" in text or ">" in text:
        text = text.translate(TAG_SIGNS)
        changes.append("< and > replaced by \u2039 \u203a")
    try:
        plain_text(text)
    except ValidationError:  # hidden or control characters: each one the rule refuses goes
        kept = "".join(character for character in text if _passes(character))
        removed = len(text) - len(kept)
        changes.append(f"{removed} hidden or control character{'' if removed == 1 else 's'} removed")
        text = kept
        plain_text(text)  # the rule as a whole, in case it ever asks for more than each character
    return text, changes


def _passes(character: str) -> bool:
    try:
        plain_text(character)
    except ValidationError:
        return False
    return True
