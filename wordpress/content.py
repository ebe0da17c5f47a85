"""WordPress post content to our Markdown: its paragraph rules, its shortcodes and block comments, then
markdownify (MIT). Our own pipeline sanitises the result when the article is saved."""

import re

from markdownify import markdownify

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
