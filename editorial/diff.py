"""A readable, escaped, word-level diff between two versions of a text."""

import re
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(old: str, new: str) -> SafeString:
    """HTML with removed words in <del> and added words in <ins>; every token escaped."""
    a, b = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    parts = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(''.join(a[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(''.join(b[b1:b2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every token was escaped above


def field_diffs(old: dict, new: dict, labels: dict) -> list[tuple[str, SafeString]]:
    """(label, diff) for each field whose text differs between two versions."""
    return [
        (labels.get(name, name), word_diff(_text(old.get(name)), _text(new.get(name))))
        for name in labels
        if _text(old.get(name)) != _text(new.get(name))
    ]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value).replace("\r\n", "\n")
