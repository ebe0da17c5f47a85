"""/get-help/ is built from content/helplines.toml (issue 19): every line names its jurisdiction and the date it
was confirmed, and every tap-to-call or tap-to-text link dials the number it shows."""

import logging
import re

import pytest
from django.template.loader import render_to_string
from django.urls import resolve
from django.utils.html import escape

from editorial import content_files
from helplines import loader, views
from helplines.directory import HelplinesError, Source
from tests.html_checks import elements

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a\b[^>]*\bhref="((?:tel|sms):[^"]*)"[^>]*>(.*?)</a>', re.S)
CARD = re.compile(r'<article\b[^>]*\bdata-helpline="([^"]+)"[^>]*>(.*?)</article>', re.S)


def as_of(date) -> str:
    """How the page writes an "as of" date."""
    return f'<time datetime="{date:%Y-%m-%d}">{date.day} {date:%B %Y}</time>'


def link(way) -> str:
    return f'href="{way.href}">{escape(way.label)}</a>'


@pytest.fixture
def directory():
    return loader.directory()


@pytest.fixture
def page(client):
    response = client.get("/get-help/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_is_served_by_the_view_that_reads_the_file():
    view = resolve("/get-help/").func
    assert getattr(view, "view_class", None) is views.GetHelpView, (
        "helplines/urls.py must route get-help/ to views.GetHelpView.as_view() (a plain TemplateView has no "
        "helplines, and the page falls back to the short crisis list)"
    )


def test_every_helpline_shows_its_jurisdiction_as_of_date_and_source(page, directory):
    cards = dict(CARD.findall(page))
    assert set(cards) == {line.key for line in directory.helplines}
    for line in directory.helplines:
        card = cards[line.key]
        assert f"<span>{escape(line.country)}</span> · as of {as_of(line.as_of)}" in card, line.key
        for way in line.ways:
            assert link(way) in card, (line.key, way)
        for source in line.sources:
            assert f'href="{escape(source.url)}"' in card, (line.key, source)
        for option in line.options:
            assert f"{escape(option.name)}:</strong>" in card, (line.key, option.name)
            assert f"as of {as_of(option.as_of)}" in card, (line.key, option.name)
            for way in option.ways:
                assert link(way) in card, (line.key, option.name, way)


def test_every_emergency_number_shows_its_country_and_as_of_date(page, directory):
    numbers = page.split("<ul data-emergency-numbers>", 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", numbers, re.S)
    assert len(items) == len(directory.emergency)
    sources = page.split("<ul data-emergency-numbers>", 1)[1].split("</ul>", 1)[1].split("</p>", 1)[0]
    for item, place in zip(items, directory.emergency, strict=True):
        assert item.strip().startswith(f"{escape(place.country)}:")
        assert f"as of {as_of(place.as_of)}" in item
        for number in place.numbers:
            assert link(number) in item
        for source in place.sources:
            assert f'href="{escape(source.url)}"' in sources, (place.country, source)


def test_tel_and_sms_links_dial_the_number_they_show(page):
    links = LINK.findall(page)
    assert len(links) > 20
    for href, text in links:
        assert re.fullmatch(r"(tel|sms):\+?[0-9]+", href), href
        dialled = re.sub(r"\D", "", href)
        shown = [re.sub(r"\D", "", number) for number in re.findall(r"\d[\d -]*\d|\d", text)]
        assert dialled in shown, (href, text)
    hrefs = {href for href, _ in links}
    assert {"tel:988", "sms:988", "tel:116123", "tel:18006624357", "tel:18002221222", "tel:911"} <= hrefs


def test_the_lines_readers_need_are_on_the_page(page, directory):
    us = directory.get("us-988")
    assert us.country == "United States" and "988 Suicide &amp; Crisis Lifeline" in page
    options = " ".join(option.name for option in us.options)
    assert "Veterans Crisis Line" in options and "Spanish" in options and "Deaf" in options
    assert ">Call 988, then press 1</a>" in page and ">Call 988, then press 2</a>" in page
    assert "American Sign Language" in page
    assert directory.get("ca-988").country == "Canada" and ">Call 9-8-8</a>" in page and ">Text 9-8-8</a>" in page
    assert directory.get("uk-ie-samaritans").country == "United Kingdom and Ireland"
    assert '<a class="button" href="tel:116123">Call 116 123</a>' in page
    assert "SAMHSA National Helpline" in page and "1-800-662-4357" in page
    assert "Poison Help line" in page and ">Call 1-800-222-1222</a>" in page
    assert "Poison Control" not in page  # one name for the US poison line everywhere
    assert 'href="https://findahelpline.com/"' in page
    for heading in ["If you are in immediate danger", "If you think someone has taken too much", "For ongoing support"]:
        assert heading in page


def test_family_and_friends_have_their_own_section(page, directory):
    section = page.split('<h2 id="worried">', 1)[1].split("</section>", 1)[0]
    assert section.startswith("If you are worried about someone")
    listed = set(re.findall(r'<a href="#([a-z0-9-]+)">', section))
    assert {"us-988", "ca-988", "us-samhsa-helpline"} <= listed
    assert listed == {line.key for line in directory.for_others}
    assert "Veterans Crisis Line (United States)" in section


def test_the_thank_you_after_a_reply_is_only_on_that_visit(client):
    assert "Thank you for writing to us" in client.get("/get-help/?from=reply").content.decode()
    assert "Thank you for writing to us" not in client.get("/get-help/").content.decode()


def test_the_page_has_no_inline_script_or_style(page):
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts == ['<script type="application/ld+json">'], scripts  # the structured data only: not run
    tags = elements(page)
    assert "style" not in [tag for tag, _ in tags]
    assert [(tag, name) for tag, attrs in tags for name in attrs if name == "style" or name.startswith("on")] == []


def test_the_page_still_gives_the_crisis_lines_when_the_file_is_broken(client, monkeypatch, caplog):
    def broken():
        raise HelplinesError("content/helplines.toml: not valid TOML (simulated)")

    monkeypatch.setattr(loader, "directory", broken)
    with caplog.at_level(logging.ERROR):
        response = client.get("/get-help/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="tel:988"' in html and 'href="tel:116123"' in html and "findahelpline.com" in html
    assert "If you are thinking about ending your life" in html
    assert "not valid TOML (simulated)" in caplog.text


def test_the_short_crisis_list_matches_the_data(directory):
    html = render_to_string("includes/_crisis_resources.html")
    items = dict(re.findall(r'<li data-helpline="([^"]+)">(.*?)</li>', html, re.S))
    assert set(items) == {"us-988", "ca-988", "uk-ie-samaritans", "findahelpline"}
    for key, item in items.items():
        line = directory.get(key)
        assert item.startswith(f"{escape(line.country)}:"), key
        shown = re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', item)
        assert shown, key
        ways = {way.href: way for way in line.ways}
        for href, text in shown:  # every link is one of the line's own, showing its number
            assert href in ways, (key, href)
            if ways[href].kind != "web":
                assert text in ways[href].label, (key, href, text)
        assert any(way.kind == "call" for way in line.ways) == any(h.startswith("tel:") for h, _ in shown), key
        if key != "findahelpline":
            assert f"As of {as_of(line.as_of)}" in item, key


# --- The file itself ------------------------------------------------------------------------------------------

GOOD = """
[[emergency]]
country = "United States"
numbers = [{ call = "911", call_tel = "tel:911" }]
as_of = 2026-11-30
source = "samhsa-988"

[[helpline]]
key = "us-988"
country = "United States"
name = "988 Suicide & Crisis Lifeline"
purpose = "Support."
section = "crisis"
call = "988"
call_tel = "tel:988"
as_of = 2026-11-30
source = "samhsa-988"

[[helpline]]
key = "us-poison-help"
country = "United States"
name = "Poison Help line"
purpose = "Advice."
section = "poison"
call = "1-800-222-1222"
call_tel = "tel:18002221222"
as_of = 2026-11-30
source = "https://poisonhelp.hrsa.gov/"
"""


TITLED = '{ title = "Poison Help (HRSA)", url = "https://poisonhelp.hrsa.gov/" }'


@pytest.fixture
def content(tmp_path):
    """A folder with a helplines file the test writes (its sources are the real content/sources/)."""

    def write(text: str):
        (tmp_path / "helplines.toml").write_text(text)
        return tmp_path

    return write


def test_a_well_formed_file_loads(content):
    directory = loader.load(content(GOOD))
    assert [line.key for line in directory.helplines] == ["us-988", "us-poison-help"]
    assert directory.get("us-poison-help").sources == (
        Source(title="poisonhelp.hrsa.gov", url="https://poisonhelp.hrsa.gov/"),
    )
    titled = loader.load(content(GOOD.replace('"https://poisonhelp.hrsa.gov/"', TITLED)))
    assert titled.get("us-poison-help").sources[0].title == "Poison Help (HRSA)"


def test_the_real_file_loads_and_cites_only_known_sources():
    directory = loader.load(content_files.content_dir())
    assert directory.crisis and directory.poison and directory.emergency
    assert loader.cited_source_keys() <= set(loader.source_index())


NO_AS_OF = 'as_of = 2026-11-30\nsource = "samhsa-988"\n\n[[helpline]]\nkey = "us-poison'
BROKEN = {  # id: (text in GOOD, its replacement, the error expected)
    "not TOML": ('call = "988"', 'call = "988', r"helplines\.toml: not valid TOML"),
    "tel dials another number": (
        'call_tel = "tel:988"',
        'call_tel = "tel:911"',
        r"'tel:911' does not dial the number shown, '988'",
    ),
    "sms for a call": ('call_tel = "tel:988"', 'call_tel = "sms:988"', r"must be tel: followed by digits"),
    "tel with punctuation": ('call_tel = "tel:988"', 'call_tel = "tel:98-8"', r"must be tel: followed by digits"),
    "no country": (
        'country = "United States"\nname',
        "name",
        r"\[\[helpline\]\] number 1 \(key 'us-988'\): country is required",
    ),
    "no as_of": (NO_AS_OF, NO_AS_OF.removeprefix("as_of = 2026-11-30\n"), r"\(key 'us-988'\): as_of is required"),
    "as_of not a date": ('as_of = 2026-11-30\nsource = "https', 'as_of = "2026-11-30"\nsource = "https', r"TOML date"),
    "unknown source": (
        'source = "https://poisonhelp.hrsa.gov/"',
        'source = "no-such-source"',
        r"source 'no-such-source' is not a key",
    ),
    "source table without url": (
        'source = "https://poisonhelp.hrsa.gov/"',
        'source = { title = "Poison Help" }',
        r"needs exactly a title and a url",
    ),
    "source over http": (
        'source = "https://poisonhelp.hrsa.gov/"',
        'source = { title = "Poison Help", url = "http://poisonhelp.hrsa.gov/" }',
        r"url must be an https address",
    ),
    "unknown section": ('section = "poison"', 'section = "poisons"', r"section must be one of"),
    "no poison line": ('section = "poison"', 'section = "crisis"', r'no helpline has section = "poison"'),
    "duplicate key": ('key = "us-poison-help"', 'key = "us-988"', r"helpline key\(s\) used twice: \['us-988'\]"),
    "misspelt field": ('purpose = "Support."', 'purpose = "Support."\nphone = "988"', r"unknown field\(s\) \['phone"),
    "no way to reach it": ('call = "988"\ncall_tel = "tel:988"\n', "", r"give at least one way to reach it"),
    "label hides the number": (
        'call_tel = "tel:988"',
        'call_tel = "tel:988"\ncall_label = "Call now"',
        r"must show the number '988'",
    ),
    "emergency without numbers": (
        'numbers = [{ call = "911", call_tel = "tel:911" }]',
        "numbers = []",
        r"\[\[emergency\]\] number 1: numbers is required",
    ),
}


@pytest.mark.parametrize(("old", "new", "message"), BROKEN.values(), ids=BROKEN.keys())
def test_a_malformed_file_is_a_clear_error(content, old, new, message):
    assert old in GOOD, "the change does not apply"
    root = content(GOOD.replace(old, new))
    with pytest.raises(HelplinesError, match=message) as error:
        loader.load(root)
    assert str(root / "helplines.toml") in str(error.value)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(HelplinesError, match=r"helplines\.toml: file not found"):
        loader.load(tmp_path)
