"""A realistic WordPress export (WXR 1.2), written as it is generated, for the import benchmark and tests.

    python bench/wxr_export.py export.xml --posts 20000 --comments 100000

Posts with Gutenberg block comments, paragraphs, headings, lists, links, images and [caption]s; categories
and tags; a handful of authors; pages and attachments; reader comments with threads (some replies filed
before their parent), every WordPress state (approved, held, spam, trash, pingbacks), some HTML and,
rarely, crisis language. The same arguments give the same file (a seeded generator).
"""

import argparse
import random
from pathlib import Path
from xml.sax.saxutils import escape

SITE = "https://blog.example"
VOCABULARY = (
    "kratom leaf tea powder capsule sleep mood energy morning evening week month doctor clinic "
    "pharmacist withdrawal tolerance appetite nausea headache focus anxiety pain back knee coffee water "
    "friend family study review label vendor batch strain red green white maeng da bali thai borneo "
    "liver blood test careful honest slowly better worse changed noticed stopped started tried read "
    "asked felt"
)
WORDS = VOCABULARY.split()
AUTHORS = [(f"writer{n}", f"Writer Number {n}") for n in range(12)]
CATEGORIES = [f"category {n}" for n in range(30)]
TAGS = [f"tag {n}" for n in range(300)]
COMMENT_STATES = ["1"] * 80 + ["0"] * 12 + ["spam"] * 4 + ["trash"] * 2 + ["1"] * 2  # plus pingbacks below
CRISIS = "Some nights I want to end my life, and nobody knows."
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>A generated blog</title>
  <link>{site}</link>
  <description>Generated for the import benchmark</description>
  <language>en-US</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>{site}</wp:base_site_url>
  <wp:base_blog_url>{site}</wp:base_blog_url>
"""


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


class Generator:
    def __init__(self, seed: int = 1):
        self.random = random.Random(seed)  # noqa: S311 - made-up content, repeatable by its seed
        self.next_id = 1

    def words(self, low: int, high: int) -> str:
        return " ".join(self.random.choice(WORDS) for _ in range(self.random.randint(low, high)))

    def sentence(self) -> str:
        return self.words(8, 20).capitalize() + "."

    def body(self, post_id: int) -> str:
        parts = []
        for number in range(self.random.randint(3, 6)):
            kind = self.random.random()
            if number and kind < 0.15:
                parts.append(f"<!-- wp:heading -->\n<h2>{self.words(2, 6).capitalize()}</h2>\n<!-- /wp:heading -->")
            elif kind < 0.25:
                items = "".join(f"<li>{self.words(3, 9)}</li>" for _ in range(self.random.randint(2, 5)))
                parts.append(f"<!-- wp:list -->\n<ul>{items}</ul>\n<!-- /wp:list -->")
            elif kind < 0.3:
                image = f'<img src="{SITE}/wp-content/uploads/2019/05/photo-{post_id}.jpg" alt="{self.words(2, 4)}">'
                parts.append(f'[caption id="attachment_{post_id}"]{image} {self.words(3, 8)}[/caption]')
            elif kind < 0.33:
                parts.append('[gallery ids="1,2,3"]')
            else:
                link = f'<a href="https://example.org/{self.random.choice(WORDS)}">{self.words(1, 3)}</a>'
                text = " ".join(self.sentence() for _ in range(self.random.randint(2, 5)))
                line_break = f"\n{self.sentence()}" if self.random.random() < 0.2 else ""
                parts.append(
                    f"<!-- wp:paragraph -->\n{text} <strong>{link}</strong>.{line_break}\n<!-- /wp:paragraph -->"
                )
        return "\n\n".join(parts)

    def comments(self, post_id: int, count: int) -> str:
        first = self.next_id
        ids = list(range(first, first + count))
        self.next_id += count
        entries = []
        for comment_id in ids:
            parent = 0
            if comment_id > first and self.random.random() < 0.35:
                parent = self.random.randrange(first, comment_id)
            roll = self.random.random()
            kind = "pingback" if roll < 0.02 else ""
            content = CRISIS if roll > 0.995 else " ".join(self.sentence() for _ in range(self.random.randint(1, 3)))
            if 0.2 < roll < 0.3:
                content = f"<p>{content}</p><p>Thanks &amp; <em>regards</em> &lt;3</p>"
            date = f"2019-06-{self.random.randint(10, 28)} 08:{self.random.randint(10, 59)}:00"
            entries.append(
                f"""    <wp:comment>
      <wp:comment_id>{comment_id}</wp:comment_id>
      <wp:comment_author>{cdata(f"Reader {self.random.randint(1, 5000)}")}</wp:comment_author>
      <wp:comment_author_email>reader{self.random.randint(1, 5000)}@example.org</wp:comment_author_email>
      <wp:comment_author_url></wp:comment_author_url>
      <wp:comment_author_IP>203.0.113.{self.random.randint(1, 254)}</wp:comment_author_IP>
      <wp:comment_date>{date}</wp:comment_date>
      <wp:comment_date_gmt>{date}</wp:comment_date_gmt>
      <wp:comment_content>{cdata(content)}</wp:comment_content>
      <wp:comment_approved>{self.random.choice(COMMENT_STATES)}</wp:comment_approved>
      <wp:comment_type>{kind}</wp:comment_type>
      <wp:comment_parent>{parent}</wp:comment_parent>
      <wp:comment_user_id>0</wp:comment_user_id>
    </wp:comment>
"""
            )
        if len(entries) > 2 and self.random.random() < 0.2:
            entries.reverse()  # replies filed before their parent happen in real exports
        return "".join(entries)

    def item(self, post_id: int, post_type: str, comment_count: int) -> str:
        title = self.words(3, 8).capitalize()
        slug = f"{title.lower().replace(' ', '-')[:60]}-{post_id}"
        month = 1 + post_id % 12
        link = f"{SITE}/2019/{month:02d}/{slug}/" if post_type == "post" else f"{SITE}/{slug}/"
        status = "inherit" if post_type == "attachment" else self.random.choice(["publish"] * 9 + ["draft"])
        terms = ""
        if post_type == "post":
            chosen = [("category", c) for c in self.random.sample(CATEGORIES, self.random.randint(1, 2))]
            chosen += [("post_tag", t) for t in self.random.sample(TAGS, self.random.randint(0, 5))]
            terms = "".join(
                f'    <category domain="{domain}" nicename="{name.replace(" ", "-")}">{cdata(name.title())}</category>'
                "\n"
                for domain, name in chosen
            )
        content = "" if post_type == "attachment" else self.body(post_id)
        upload = f"{SITE}/wp-content/uploads/2019/{month:02d}/photo-{post_id}.jpg" if post_type == "attachment" else ""
        excerpt = self.sentence() if self.random.random() < 0.3 else ""
        return f"""  <item>
    <title>{escape(title)}</title>
    <link>{link}</link>
    <pubDate>Sat, 04 May 2019 10:20:30 +0000</pubDate>
    <dc:creator>{cdata(self.random.choice(AUTHORS)[0])}</dc:creator>
    <guid isPermaLink="false">{SITE}/?p={post_id}</guid>
    <description></description>
    <content:encoded>{cdata(content)}</content:encoded>
    <excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
    <wp:post_id>{post_id}</wp:post_id>
    <wp:post_date>2019-{month:02d}-04 10:20:30</wp:post_date>
    <wp:post_date_gmt>2019-{month:02d}-04 10:20:30</wp:post_date_gmt>
    <wp:comment_status>open</wp:comment_status>
    <wp:post_name>{slug}</wp:post_name>
    <wp:status>{status}</wp:status>
    <wp:post_parent>0</wp:post_parent>
    <wp:post_type>{post_type}</wp:post_type>
    <wp:attachment_url>{upload}</wp:attachment_url>
{terms}{self.comments(post_id, comment_count) if comment_count else ""}  </item>
"""


def write(path, *, posts: int = 2000, comments: int = 10000, seed: int = 1) -> dict[str, int]:
    """Write the export to `path`; how many of each kind it holds (posts, pages, attachments, comments)."""
    generator = Generator(seed)
    pages, attachments = max(1, posts // 50), max(1, posts // 20)
    kinds = ["post"] * posts + ["page"] * pages + ["attachment"] * attachments
    generator.random.shuffle(kinds)
    # Comments spread unevenly over the posts (a few posts draw many), adding up to exactly `comments`.
    weights = [generator.random.expovariate(1) for _ in range(posts)]
    total = sum(weights) or 1
    shares = [int(comments * weight / total) for weight in weights]
    for index in range(comments - sum(shares)):
        shares[index % posts] += 1
    counts = iter(shares)
    with Path(path).open("w", encoding="utf-8") as out:
        out.write(HEAD.format(site=SITE))
        for login, name in AUTHORS:
            out.write(
                f"  <wp:author><wp:author_login>{cdata(login)}</wp:author_login>"
                f"<wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>\n"
            )
        for post_id, kind in enumerate(kinds, start=1000):
            out.write(generator.item(post_id, kind, next(counts) if kind == "post" else 0))
        out.write("</channel>\n</rss>\n")
    return {"posts": posts, "pages": pages, "attachments": attachments, "comments": comments}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--comments", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    made = write(arguments.path, posts=arguments.posts, comments=arguments.comments, seed=arguments.seed)
    size = Path(arguments.path).stat().st_size / 1e6
    print(f"{arguments.path}: {made} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
