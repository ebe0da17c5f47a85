"""No hidden state on the request: code passes what it knows as arguments and return values.

An attribute set on `request` in one admin hook and read in another is a message a newcomer cannot
follow from either end (issue 20). Django's own attributes (request.user, request.META) are public;
a private one (`request._anything`) is what this forbids, in every module but tests and migrations.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRIVATE_REQUEST_ATTRIBUTE = re.compile(r"request\._\w+|(?:get|set|has|del)attr\(\s*request\s*,\s*[\"']_")
# The same message on the object: one hook stores a result on it for another to read (issue 21).
HANDED_OVER_ON_OBJECT = re.compile(
    r"\bobj\.\w+\s*=\s*revision_propose\(|getattr\(\s*obj\s*,\s*[\"']proposed_revision|\.proposed_revision\b"
)
SKIPPED = {".venv", ".git", "migrations", "tests", "node_modules"}


def _lines_matching(pattern: re.Pattern) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in ROOT.rglob("*.py")
        if not SKIPPED & set(path.relative_to(ROOT).parts)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]


def test_no_private_attribute_on_the_request():
    assert _lines_matching(PRIVATE_REQUEST_ATTRIBUTE) == []


def test_no_result_handed_from_hook_to_hook_on_the_object():
    assert _lines_matching(HANDED_OVER_ON_OBJECT) == []


def test_the_pattern_finds_what_it_forbids():
    for line in ["request._kratom_revision = 1", 'getattr(request, "_pending", False)', "setattr(request, '_x', 1)"]:
        assert PRIVATE_REQUEST_ATTRIBUTE.search(line)
    for line in ["request.user", "request.META['x']", "self._request"]:
        assert not PRIVATE_REQUEST_ATTRIBUTE.search(line)


def test_the_object_pattern_finds_what_it_forbids():
    for line in [
        "obj.proposed_revision = revision_propose(obj=obj, data=data, user=user)",
        'revision = getattr(obj, "proposed_revision", None)',
        "return obj.proposed_revision",
    ]:
        assert HANDED_OVER_ON_OBJECT.search(line)
    for line in ["revision = revision_propose(obj=edited, data=data, user=user, note=note)", "obj.title = 'x'"]:
        assert not HANDED_OVER_ON_OBJECT.search(line)
