"""No hidden state on the request: code passes what it knows as arguments and return values.

An attribute set on `request` in one admin hook and read in another is a message a newcomer cannot
follow from either end (issue 20). Django's own attributes (request.user, request.META) are public;
a private one (`request._anything`) is what this forbids, in every module but tests and migrations.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRIVATE_REQUEST_ATTRIBUTE = re.compile(r"request\._\w+|(?:get|set|has|del)attr\(\s*request\s*,\s*[\"']_")
SKIPPED = {".venv", ".git", "migrations", "tests", "node_modules"}


def test_no_private_attribute_on_the_request():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in ROOT.rglob("*.py")
        if not SKIPPED & set(path.relative_to(ROOT).parts)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if PRIVATE_REQUEST_ATTRIBUTE.search(line)
    ]
    assert found == []


def test_the_pattern_finds_what_it_forbids():
    for line in ["request._kratom_revision = 1", 'getattr(request, "_pending", False)', "setattr(request, '_x', 1)"]:
        assert PRIVATE_REQUEST_ATTRIBUTE.search(line)
    for line in ["request.user", "request.META['x']", "self._request"]:
        assert not PRIVATE_REQUEST_ATTRIBUTE.search(line)
