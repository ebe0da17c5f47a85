"""The keyboard alone reaches everything, in order, always visibly; text is comfortable to read, in print too."""

import itertools

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = "/articles/kratom-and-depression/"
PAGES = [
    "/",
    "/articles/",
    ARTICLE,
    "/faq/",
    "/strains/",
    "/risks/",
    "/get-help/",
    f"{ARTICLE}reply/",
    "/search/?q=mood",
]

# Where the focused element is: its landmark (0 skip link, 1 header, 2 main, 3 footer), its outline and box.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const region = el.classList.contains("skip-link") ? 0 : el.closest("header") ? 1 : el.closest("main") ? 2
    : el.closest("footer") ? 3 : 2;
  const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
  const box = el.getBoundingClientRect();
  const name = el.tagName + (el.id ? "#" + el.id : "") + " " + (el.textContent || el.name || "").trim().slice(0, 40);
  return {region, visible, name, shown: box.width > 0 && box.height > 0};
}"""


@pytest.fixture
def demo(db):
    call_command("load_demo_content", "--allow-in-production", stdout=open("/dev/null", "w"))  # noqa: SIM115


FOCUSABLE = "() => document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]').length"


def tab_through(page) -> list[dict]:
    """Press Tab until focus leaves the page or comes round to the first stop again (no trap can hold it):
    at most once per focusable element, and a few more."""
    stops, limit = [], page.evaluate(FOCUSABLE) + 10
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused == stops[0]):
            return stops
        stops.append(focused)
    raise AssertionError(f"focus never left the page after {limit} presses: a keyboard trap? {stops[-5:]}")


def test_the_keyboard_reaches_everything_in_order_and_always_visibly(browser, live_server, demo):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for path in PAGES:
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        stops = tab_through(page)
        assert stops and stops[0]["region"] == 0, f"{path}: the skip link comes first, not {stops[:1]}"
        hidden = [stop["name"] for stop in stops if not (stop["visible"] and stop["shown"])]
        assert hidden == [], f"{path}: focus is not visible on {hidden}"
        regions = [stop["region"] for stop in stops]
        assert regions == sorted(regions), f"{path}: focus jumps back and forth: {regions}"


def test_the_skip_link_moves_focus_to_the_content(browser, live_server, demo):
    page = browser.new_page()
    page.goto(f"{live_server.url}{ARTICLE}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")


def test_the_reply_form_is_filled_in_order_from_the_keyboard(browser, live_server, demo):
    page = browser.new_page()
    page.goto(f"{live_server.url}{ARTICLE}reply/")
    page.focus("#id_name")
    order = [page.evaluate("document.activeElement.id")]
    for _ in range(3):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.type"))
    assert order == ["id_name", "id_email", "id_body", "submit"], order  # the honeypot is never a stop


def test_reading_comfort_on_an_article(browser, live_server, demo):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{ARTICLE}")
    assert page.get_attribute("html", "lang") == "en"
    text = page.evaluate("""() => {
      const p = document.querySelector("main .prose p");
      const style = getComputedStyle(p);
      const ch = document.createElement("span");
      ch.style.cssText = "position:absolute;visibility:hidden;width:1ch;font:inherit";
      p.appendChild(ch);
      const chWidth = ch.getBoundingClientRect().width;
      ch.remove();
      return {size: parseFloat(style.fontSize), leading: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
              chars: p.getBoundingClientRect().width / chWidth};
    }""")
    assert text["size"] >= 16, text
    assert text["leading"] >= 1.5, text
    assert 45 <= text["chars"] <= 80, text  # a comfortable line length


def test_headings_tables_and_the_chart_are_structured(browser, live_server, demo):
    page = browser.new_page()
    for path in PAGES:
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
        assert levels[0] == 1 and levels.count(1) == 1, (path, levels)
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert jumps == [], f"{path}: headings skip a level: {jumps}"
        tables = page.evaluate(
            "[...document.querySelectorAll('main table')]"
            ".map(t => [!!t.querySelector('caption'), !!t.querySelector('th')])"
        )
        assert all(caption and header for caption, header in tables), (path, tables)
    page.goto(f"{live_server.url}/risks/")
    chart = page.evaluate("""() => {
      const svg = document.querySelector("svg[role=img]");
      const names = (svg.getAttribute("aria-labelledby") || "").split(" ").map(id => document.getElementById(id));
      return {named: names.length > 0 && names.every(n => n && n.textContent.trim()),
              table: !!document.querySelector(".risk-chart + .risk-chart__table table caption")};
    }""")
    assert chart == {"named": True, "table": True}  # a text alternative, and the same data as a table


def test_motion_is_kept_still_when_the_reader_asks(browser, live_server, demo):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{live_server.url}{ARTICLE}")
    moving = page.evaluate("""[...document.querySelectorAll('*')].filter(el => {
      const s = getComputedStyle(el);
      return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0 || s.scrollBehavior === 'smooth';
    }).map(el => el.tagName)""")
    assert moving == []


def test_print_keeps_the_safety_notice_and_the_sources(browser, live_server, demo):
    page = browser.new_page()
    page.goto(f"{live_server.url}{ARTICLE}")
    page.emulate_media(media="print")
    shown = page.evaluate(
        """sel => [...document.querySelectorAll(sel)].map(el => getComputedStyle(el).display !== 'none'
        && el.getBoundingClientRect().height > 0)""",
        "[data-safety-notice], .sources",
    )
    assert len(shown) >= 2 and all(shown), shown
    nav_hidden = page.evaluate(
        "getComputedStyle(document.querySelector('.skip-link')).display === 'none'"
        " || document.querySelector('.skip-link').getBoundingClientRect().left < 0"
    )
    assert nav_hidden


def contrast(first: str, second: str) -> float:
    def luminance(rgb: str) -> float:
        channels = [int(part) / 255 for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(first), luminance(second)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_numbers_on_the_risk_chart_are_readable(browser, live_server, demo, scheme):
    """axe cannot judge text drawn over SVG shapes ("incomplete"), so this checks it: AA, 4.5:1."""
    page = browser.new_context(color_scheme=scheme).new_page()
    page.goto(f"{live_server.url}/risks/")
    pairs = page.evaluate("""() => [...document.querySelectorAll(".risk-chart__count")].map(text => {
      const dot = text.previousElementSibling, cell = dot.previousElementSibling;
      const blend = (a, b, alpha) => a.map((c, i) => Math.round(c * alpha + b[i] * (1 - alpha)));
      const rgb = el => getComputedStyle(el).fill.match(/\\d+/g).slice(0, 3).map(Number);
      const under = blend(rgb(dot), rgb(cell), parseFloat(getComputedStyle(dot).opacity));
      return ["rgb(" + rgb(text).join(",") + ")", "rgb(" + under.join(",") + ")"];
    })""")
    assert pairs and all(contrast(text, under) >= 4.5 for text, under in pairs), pairs
