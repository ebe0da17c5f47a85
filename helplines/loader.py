"""Reads the crisis lines and emergency numbers on /get-help/ from content/helplines.toml, and checks them.

The file is text a reviewer reads in a diff; this module reads it once per process (`directory()`) and checks
it, so a mistake is a clear error naming the file, the entry and the field, never a wrong number on the page:
every line has a jurisdiction, an "as of" date and a source (a key in content/sources/*.toml, an https
address, or a title with its https address), and every tel:/sms: link dials exactly the digits shown next to it.
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
from pathlib import Path

from editorial import content_files

from .directory import Directory, Emergency, Helpline, HelplinesError, Option, Source, Way

SECTIONS = ("crisis", "poison", "support")
# Ways to reach a line: field -> (link field, link scheme, default words on the link)
NUMBER_WAYS = {
    "call": ("call_tel", "tel:", "Call {}"),
    "tty": ("tty_tel", "tel:", "TTY: {}"),
    "videophone": ("videophone_tel", "tel:", "Videophone: {}"),
    "text": ("text_sms", "sms:", "Text {}"),
}
WAY_FIELDS = {f for name, (link, _, _) in NUMBER_WAYS.items() for f in (name, link, f"{name}_label")}
WAY_FIELDS |= {"web", "web_label"}
COMMON_FIELDS = {"name", "purpose", "helps_others", "hours", "languages", "cost", "as_of", "source"} | WAY_FIELDS
HELPLINE_FIELDS = COMMON_FIELDS | {"key", "country", "section", "option"}
EMERGENCY_FIELDS = {"country", "numbers", "as_of", "source"}
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LINK = re.compile(r"(tel|sms):(\+?[0-9]+)")


@functools.cache
def directory() -> Directory:
    """The checked helplines of this release (read once per process)."""
    return load(content_files.content_dir())


def load(root: Path) -> Directory:
    """Read and check root/helplines.toml against the sources in content/sources/*.toml."""
    path = root / "helplines.toml"
    data = _read_toml(path)
    index = source_index()
    unknown = set(data) - {"helpline", "emergency"}
    if unknown:
        raise HelplinesError(f"{path}: unknown table(s) {sorted(unknown)}; expected [[helpline]] and [[emergency]]")
    helplines = tuple(_helpline(path, i, entry, index) for i, entry in enumerate(_tables(path, data, "helpline")))
    emergency = tuple(_emergency(path, i, entry, index) for i, entry in enumerate(_tables(path, data, "emergency")))
    keys = [line.key for line in helplines]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise HelplinesError(f"{path}: helpline key(s) used twice: {duplicates}")
    for name in ("crisis", "poison"):
        if not any(line.section == name for line in helplines):
            raise HelplinesError(f'{path}: no helpline has section = "{name}"; the page needs at least one')
    if not emergency:
        raise HelplinesError(f"{path}: no [[emergency]] numbers; the page needs them")
    return Directory(helplines=helplines, emergency=emergency)


def cited_source_keys(root: Path | None = None) -> set[str]:
    """The source keys content/helplines.toml cites (so a check that every source is cited can count them)."""
    data = _read_toml((root or content_files.content_dir()) / "helplines.toml")
    keys = set()
    for table in ("helpline", "emergency"):
        for entry in data.get(table, []):
            for item in [entry, *entry.get("option", [])]:
                cited = item.get("source", [])
                for source in cited if isinstance(cited, list) else [cited]:
                    if isinstance(source, str) and not source.startswith("https://"):
                        keys.add(source)
    return keys


def source_index() -> dict[str, Source]:
    """Every source key in content/sources/*.toml (read by the demo content's reader) -> its title and address."""
    try:
        entries = content_files.sources()
    except content_files.ContentError as error:  # the page catches HelplinesError, and shows the short crisis list
        raise HelplinesError(str(error)) from None
    index = {}
    for entry in entries:
        key = entry.get("key")
        url = entry.get("url") or (f"https://doi.org/{entry['doi']}" if entry.get("doi") else "")
        if not url and entry.get("pmid"):
            url = f"https://pubmed.ncbi.nlm.nih.gov/{entry['pmid']}/"
        if key and url.startswith("https://"):  # anything else never reaches an href (the loader refuses it too)
            index[key] = Source(title=str(entry.get("title", key)), url=url)
    return index


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        raise HelplinesError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise HelplinesError(f"{path}: not valid TOML: {exc}") from None


def _tables(path: Path, data: dict, name: str) -> list[dict]:
    tables = data.get(name, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise HelplinesError(f"{path}: {name} must be written as [[{name}]] tables")
    return tables


class _Entry:
    """Field access for one table, with errors that say where."""

    def __init__(self, path: Path, where: str, data: dict, allowed: set[str]):
        self.path, self.where, self.data = path, where, data
        unknown = sorted(set(data) - allowed)
        if unknown:
            self.fail(f"unknown field(s) {unknown} (a typo?)")

    def fail(self, message: str):
        raise HelplinesError(f"{self.path}: {self.where}: {message}")

    def text(self, name: str, required: bool = False) -> str:
        value = self.data.get(name, "")
        if not isinstance(value, str):
            self.fail(f"{name} must be a string")
        value = " ".join(value.split())
        if required and not value:
            self.fail(f"{name} is required")
        return value

    def date(self, name: str) -> datetime.date:
        value = self.data.get(name)
        if value is None:
            self.fail(f"{name} is required (a TOML date such as 2026-11-30: the day the line was confirmed)")
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            self.fail(f"{name} must be a TOML date such as 2026-11-30, not {value!r}")
        return value

    def boolean(self, name: str) -> bool:
        value = self.data.get(name, False)
        if not isinstance(value, bool):
            self.fail(f"{name} must be true or false")
        return value

    def sources(self, index: dict[str, Source]) -> tuple[Source, ...]:
        value = self.data.get("source")
        cited = value if isinstance(value, list) else [value] if value else []
        if not cited:
            self.fail(
                'source is required: a key from content/sources/*.toml, an https address, { title = "...", '
                'url = "https://..." }, or a list of them'
            )
        return tuple(self.source(item, index) for item in cited)

    def source(self, item, index: dict[str, Source]) -> Source:
        if isinstance(item, dict):
            title, url = item.get("title"), item.get("url")
            if set(item) != {"title", "url"} or not isinstance(title, str) or not title.strip():
                self.fail(f"a source written as a table needs exactly a title and a url, not {item!r}")
            if not isinstance(url, str) or not url.startswith("https://") or any(c.isspace() for c in url):
                self.fail(f"a source's url must be an https address, not {url!r}")
            return Source(title=" ".join(title.split()), url=url)
        if not isinstance(item, str) or not item:
            self.fail(f"a source must be a key, an https address or a title with its url, not {item!r}")
        if item.startswith("https://"):
            return Source(title=item.removeprefix("https://").removeprefix("www.").rstrip("/"), url=item)
        if item not in index:
            self.fail(f"source {item!r} is not a key in content/sources/*.toml (nor an https address)")
        return index[item]

    def number_way(self, kind: str, number: str, link: str, label: str) -> Way:
        match = LINK.fullmatch(link)
        scheme = NUMBER_WAYS.get(kind, ("", "tel:", ""))[1]
        if not match or f"{match[1]}:" != scheme:
            self.fail(f"the link for {kind} {number!r} must be {scheme} followed by digits, not {link!r}")
        if re.sub(r"\D", "", number) != re.sub(r"\D", "", match[2]):
            self.fail(f"{link!r} does not dial the number shown, {number!r}")
        if number not in label:
            self.fail(f"the words on the {kind} link, {label!r}, must show the number {number!r}")
        return Way(kind=kind, label=label, href=link)

    def ways(self) -> tuple[Way, ...]:
        ways = []
        for kind, (link_field, _, default_label) in NUMBER_WAYS.items():
            number = self.text(kind)
            link = self.text(link_field)
            if number or link:
                if not (number and link):
                    self.fail(f"{kind} and {link_field} go together: give both or neither")
                label = self.text(f"{kind}_label") or default_label.format(number)
                ways.append(self.number_way(kind, number, link, label))
            elif self.text(f"{kind}_label"):
                self.fail(f"{kind}_label without {kind}")
        web = self.text("web")
        if web:
            if not web.startswith("https://") or any(c.isspace() for c in web):
                self.fail(f"web must be an https address, not {web!r}")
            ways.append(Way(kind="web", label=self.text("web_label") or "Chat online", href=web))
        elif self.text("web_label"):
            self.fail("web_label without web")
        if not ways:
            self.fail("give at least one way to reach it (call, text, tty, videophone or web)")
        return tuple(ways)


def _option_fields(entry: _Entry, sources: dict[str, Source]) -> dict:
    return {
        "name": entry.text("name", required=True),
        "purpose": entry.text("purpose", required=True),
        "ways": entry.ways(),
        "helps_others": entry.boolean("helps_others"),
        "hours": entry.text("hours"),
        "languages": entry.text("languages"),
        "cost": entry.text("cost"),
        "as_of": entry.date("as_of"),
        "sources": entry.sources(sources),
    }


def _helpline(path: Path, i: int, data: dict, sources: dict[str, Source]) -> Helpline:
    where = f"[[helpline]] number {i + 1}" + (f" (key {data['key']!r})" if isinstance(data.get("key"), str) else "")
    entry = _Entry(path, where, data, HELPLINE_FIELDS)
    key = entry.text("key", required=True)
    if not KEY.fullmatch(key):
        entry.fail(f"key must be a lowercase slug, not {key!r}")
    section = entry.text("section", required=True)
    if section not in SECTIONS:
        entry.fail(f"section must be one of {list(SECTIONS)}, not {section!r}")
    options = data.get("option", [])
    if not isinstance(options, list):
        entry.fail("options must be written as [[helpline.option]] tables")
    return Helpline(
        key=key,
        country=entry.text("country", required=True),
        section=section,
        options=tuple(
            Option(**_option_fields(_Entry(path, f"{where}, option {j + 1}", option, COMMON_FIELDS), sources))
            for j, option in enumerate(options)
        ),
        **_option_fields(entry, sources),
    )


def _emergency(path: Path, i: int, data: dict, sources: dict[str, Source]) -> Emergency:
    entry = _Entry(path, f"[[emergency]] number {i + 1}", data, EMERGENCY_FIELDS)
    numbers = data.get("numbers")
    if not numbers or not isinstance(numbers, list) or not all(isinstance(n, dict) for n in numbers):
        entry.fail('numbers is required: a list such as [{ call = "911", call_tel = "tel:911" }]')
    ways = []
    for number in numbers:
        if set(number) != {"call", "call_tel"} or not all(isinstance(v, str) for v in number.values()):
            entry.fail(f"each number needs exactly call and call_tel, not {number!r}")
        ways.append(entry.number_way("call", number["call"], number["call_tel"], number["call"]))
    return Emergency(
        country=entry.text("country", required=True),
        numbers=tuple(ways),
        as_of=entry.date("as_of"),
        sources=entry.sources(sources),
    )
