"""Reads the text files in content/: one Markdown file per item, with a TOML header between `+++` lines, and
the TOML files beside them (sources, people, taxonomy).

The files are the only copy, so a medical reviewer reviews the content as text in a diff (content/README.md).
This module only reads and checks them. Two apps use it: `manage.py load_demo_content` (demo/) writes the items
to the database, and /get-help/ (helplines/) cites the same sources. It sits in editorial, below both.
"""

import tomllib
from pathlib import Path

from django.conf import settings

FENCE = "+++"


class ContentError(ValueError):
    """A content file that cannot be read as written, with the file named."""

    def __init__(self, path: Path, message: str):
        super().__init__(f"{path.relative_to(content_dir().parent)}: {message}")


def content_dir() -> Path:
    return Path(settings.BASE_DIR) / "content"


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, f"the TOML is not valid: {error}") from error


def read_item(path: Path) -> dict:
    """One item: its header's fields, "slug" (the file name) and "body" (the Markdown after the header)."""
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    header, fence, body = rest.partition(f"\n{FENCE}\n")
    if first.strip() != FENCE or not fence:
        raise ContentError(path, f"start with a line '{FENCE}', then the TOML header, then another '{FENCE}' line")
    try:
        fields = tomllib.loads(header)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, f"the header is not valid TOML: {error}") from error
    for name in ("slug", "body"):
        if name in fields:
            raise ContentError(path, f"'{name}' comes from the file (its name, its text), not from the header")
    return {**fields, "slug": path.stem, "body": body.lstrip("\n")}


def items(kind: str) -> list[dict]:
    """Every item of a kind (articles, faq, pages, risks, strains), in file-name order."""
    return [read_item(path) for path in sorted((content_dir() / kind).glob("*.md"))]


def sources() -> list[dict]:
    """Every [[source]] of every file in content/sources/; a key defined twice is an error."""
    seen, rows = {}, []
    for path in sorted((content_dir() / "sources").glob("*.toml")):
        for row in read_toml(path).get("source", []):
            if row.get("key") in seen:
                raise ContentError(path, f"source '{row.get('key')}' is already defined in {seen[row['key']]}")
            seen[row.get("key")] = path.name
            rows.append(row)
    return rows


def people() -> dict:
    """The contributors, and which of them the demo names as author and as medical reviewer."""
    return read_toml(content_dir() / "people.toml")


def taxonomy() -> dict:
    """Article topics and FAQ categories."""
    return read_toml(content_dir() / "taxonomy.toml")
