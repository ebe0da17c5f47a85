"""What a public view declares for the shared page cache (page_cache/middleware.py): the query parameters
it reads and the values that can change the page, as a `page_cache_parameters` dict of name -> Values.

Kept here, in the base app, so content apps declare their parameters without importing the project.
A view that renders something other than what was asked (a comments page past the last shows the last)
calls `not_as_asked(request)`, and that render is not stored.
"""

import re
from dataclasses import dataclass

_NOT_AS_ASKED = "_page_cache_not_as_asked"


@dataclass(frozen=True)
class Values:
    """The values of one query parameter that can change a page."""

    pattern: str

    def accepts(self, value: str) -> bool:
        return re.fullmatch(self.pattern, value) is not None


# A list page: past the last, ListView answers 404. "last" is its own (one) entry.
PAGE_NUMBER = Values(r"[1-9]\d{0,5}|last")
SLUG = Values(r"[-a-z0-9_]{1,100}")  # an unknown slug is the view's 400 (a form's invalid choice)
COMMENTS_PAGE = Values(r"[1-9]\d{0,5}")  # past the last, the thread shows the last: not_as_asked


def not_as_asked(request) -> None:
    """This response is not the page its query asked for: the page cache must not store it under that key."""
    if request is not None:
        setattr(request, _NOT_AS_ASKED, True)


def as_asked(request) -> bool:
    return not getattr(request, _NOT_AS_ASKED, False)
