"""What the README and docs/*.md point at exists: files and folders of the repository, headings linked to, and
`make` targets.

A repository path is:
- the target of a Markdown link or image, resolved from the file that holds it, as GitHub does
  (web addresses, mailto: and bare #anchors aside);
- the whole text of an inline code span that looks like a path: no spaces, none of `< > * = ? : @ $ { } ( )`
  (placeholders, globs, commands and addresses), not starting with "/" (an address on the site), and either
  holding a "/" (`editorial/workflow.py`, `tests/browser/`) or ending in a known file extension (`manage.py`).
  Read from the repository's root.

Fenced code blocks hold commands and examples, not paths; a `make <target>` is checked there too. Files that
a make target writes and git ignores are named in GENERATED: they need not exist in a fresh clone.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXTENSIONS = {"py", "md", "toml", "txt", "json", "png", "conf", "lua", "html", "css", "js", "cfg", "yml", "yaml", "sh"}
GENERATED = {"bench/results.json"}  # written by `make bench`, ignored by git

FENCE = re.compile(r"^```.*?^```[^\n]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
PATH_LIKE = re.compile(r"[A-Za-z0-9_.][^\s<>*=?:@${}()]*")
MAKE = re.compile(r"(?:^|[\s;&|(])make\s+([A-Za-z][\w-]*)")
MAKE_RULE = re.compile(r"^([A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)*)[ \t]*:(?!=)", re.MULTILINE)


def prose(text: str) -> str:
    """The text outside fenced code blocks."""
    return FENCE.sub("", text)


def looks_like_path(span: str) -> bool:
    if not PATH_LIKE.fullmatch(span) or span.startswith("/"):
        return False
    return "/" in span or ("." in span and span.rsplit(".", 1)[-1] in EXTENSIONS)


def named_paths(doc: Path) -> list[tuple[str, Path]]:
    """(as written, where it points) for every path the document names."""
    text = prose(doc.read_text())
    spans = [span.strip() for _, span in CODE_SPAN.findall(text)]
    found = [(span, ROOT / span) for span in spans if looks_like_path(span)]
    for target in LINK.findall(CODE_SPAN.sub("", text)):
        if re.match(r"[a-z][a-z+.-]*:", target) or target.startswith("#"):
            continue  # https:, mailto:, or a heading of this file (test_linked_headings_exist)
        path = target.split("#", 1)[0]
        found.append((target, doc.parent / path))
    return found


def heading_anchors(doc: Path) -> set[str]:
    """The anchors GitHub gives the document's headings: lower case, punctuation dropped, spaces as hyphens."""
    anchors, seen = set(), {}
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", prose(doc.read_text()), re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.replace("`", "").lower()).replace(" ", "-")
        anchors.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
        seen[slug] = seen.get(slug, 0) + 1
    return anchors


def make_targets() -> set[str]:
    rules = MAKE_RULE.findall((ROOT / "Makefile").read_text())
    return {target for line in rules for target in line.split()}


def named_make_targets(text: str) -> set[str]:
    """Targets of `make` in inline code and in fenced code blocks (never the verb in prose)."""
    code = [span for _, span in CODE_SPAN.findall(prose(text))] + FENCE.findall(text)
    return {target for block in code for target in MAKE.findall(block)}


def relative(path: Path) -> str:
    return path.resolve().relative_to(ROOT).as_posix() if path.resolve().is_relative_to(ROOT) else str(path)


def test_the_docs_exist():
    assert (ROOT / "docs" / "architecture.md").exists()
    assert len(DOCS) > 1


def test_every_named_path_exists():
    missing = [
        f"{doc.relative_to(ROOT)}: {written}"
        for doc in DOCS
        for written, path in named_paths(doc)
        if not path.exists() and relative(path).rstrip("/") not in GENERATED
    ]
    assert not missing, "These paths are named in the docs but do not exist:\n" + "\n".join(missing)


def test_linked_headings_exist():
    missing = []
    for doc in DOCS:
        for target in LINK.findall(CODE_SPAN.sub("", prose(doc.read_text()))):
            if "#" not in target or re.match(r"[a-z][a-z+.-]*:", target):
                continue
            path, anchor = target.split("#", 1)
            linked = (doc.parent / path) if path else doc
            if linked.suffix == ".md" and linked.exists() and anchor not in heading_anchors(linked):
                missing.append(f"{doc.relative_to(ROOT)}: {target}")
    assert not missing, "These links point at headings that do not exist:\n" + "\n".join(missing)


def test_every_named_make_target_exists():
    targets = make_targets()
    missing = [
        f"{doc.relative_to(ROOT)}: make {target}"
        for doc in DOCS
        for target in sorted(named_make_targets(doc.read_text()) - targets)
    ]
    assert not missing, "Named in the docs, but no rule in the Makefile:\n" + "\n".join(missing)


def test_the_path_rule():
    """What counts as a path, and what does not."""
    paths = ["editorial/workflow.py", "tests/browser/", "manage.py", ".ci/run", "docs/screenshots/home-phone.png"]
    others = [
        "/articles/",
        "make run",
        "articles/<slug>.md",
        "https://example.org/x",
        "FILE=backups/x.tar",
        "DJANGO_DEBUG",
        "editorial.redirects",
        "[2001:db8::1]:443",
        "a.b+x@gmail.com",
        ".upload-*.part",
    ]
    assert [p for p in paths if not looks_like_path(p)] == []
    assert [o for o in others if looks_like_path(o)] == []
    assert named_make_targets("`make restore FILE=x` and\n```sh\nmake backup   # writes\n```") == {"restore", "backup"}
    assert named_make_targets("we make sure; `python manage.py migrate`") == set()
