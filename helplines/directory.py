"""What /get-help/ lists: the helplines and emergency numbers of content/helplines.toml, as checked values.

helplines/loader.py reads and checks the file; the page's template reads these objects.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


class HelplinesError(ValueError):
    """content/helplines.toml (or a source it cites) is missing or malformed."""


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Way:
    kind: str  # call, text, tty, videophone, web
    label: str  # the words on the link
    href: str  # tel:, sms: or https:


@dataclass(frozen=True)
class Option:
    """A service reached through a helpline (the Veterans Crisis Line through 988, ...)."""

    name: str
    purpose: str
    ways: tuple[Way, ...]
    helps_others: bool
    hours: str
    languages: str
    cost: str
    as_of: datetime.date
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Helpline(Option):
    key: str = ""
    country: str = ""
    section: str = ""
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Emergency:
    country: str
    numbers: tuple[Way, ...]
    as_of: datetime.date
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class PageSection:
    """One section of /get-help/ that lists helplines: its anchor, its lines, and how they are headed."""

    id: str
    lines: tuple[Helpline, ...]
    grouped: bool  # lines under a heading per country (the cards' own headings one level down)

    @property
    def card_level(self) -> int:
        return 4 if self.grouped else 3


@dataclass(frozen=True)
class Directory:
    helplines: tuple[Helpline, ...]
    emergency: tuple[Emergency, ...]

    def section(self, name: str) -> list[Helpline]:
        return [line for line in self.helplines if line.section == name]

    @property
    def crisis(self) -> list[Helpline]:
        return self.section("crisis")

    @property
    def poison(self) -> list[Helpline]:
        return self.section("poison")

    @property
    def support(self) -> list[Helpline]:
        return self.section("support")

    @property
    def page_sections(self) -> tuple[PageSection, ...]:
        """The helpline sections of /get-help/, in page order."""
        return (
            PageSection("talk-now", tuple(self.crisis), grouped=True),
            PageSection("too-much", tuple(self.poison), grouped=False),
            PageSection("ongoing", tuple(self.support), grouped=False),
        )

    @property
    def for_others(self) -> list[Helpline]:
        """Lines whose official page says people worried about someone else can use them."""
        return [line for line in self.helplines if line.helps_others]

    @property
    def countries(self) -> list[str]:
        """The jurisdictions of the crisis lines, in file order (the page's "jump to" list)."""
        return list(dict.fromkeys(line.country for line in self.crisis))

    def get(self, key: str) -> Helpline:
        return next(line for line in self.helplines if line.key == key)
