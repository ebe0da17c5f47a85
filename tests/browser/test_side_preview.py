"""The body's live preview: beside the textarea on a wide screen, under it on a narrow one, labelled, saying
what to do while empty, and showing what readers will see (numbered citations and the sources list)."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.test_writing_tools import SHOTS, login, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BODY = "## Effects\n\nKratom can cause dependence [@fda-kratom].\n\n- Nausea\n- Constipation\n\nSee also [@who-2021]."


def open_editor(browser, live_server, editor, *, width, scheme="light", body=""):
    article = factories.ArticleFactory(title="Side preview", body=body, author=editor.contributor)
    page = login(browser, live_server, width=width)
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_preview_sits_beside_the_text_on_wide_screens_and_under_it_on_narrow_ones(
    browser, live_server, editor, width, scheme
):
    page = open_editor(browser, live_server, editor, width=width, scheme=scheme)
    preview = page.get_by_role("region", name="Preview: how readers will see the body")
    expect(preview).to_contain_text("Start writing: the preview appears here.")
    problems = violations(page, f"{width}px {scheme} side preview empty")

    page.locator("#id_body").fill(BODY)
    expect(preview.get_by_role("heading", name="Effects")).to_be_visible()
    expect(preview.locator("sup.citation a")).to_have_text(["[1]", "[2]"])
    sources = preview.get_by_role("region", name="Sources")
    expect(sources.get_by_role("listitem")).to_have_count(2)
    expect(sources.get_by_role("listitem").first).to_contain_text("FDA and Kratom")

    if SHOTS:  # the screen as the README shows it, before the long body below
        page.screenshot(path=f"{SHOTS}/{width}px-{scheme}-side-preview-short.png")
    text = page.locator("#id_body").bounding_box()
    shown = preview.bounding_box()
    if width == 1280:  # side by side, the same height, the preview scrolling on its own
        assert shown["x"] >= text["x"] + text["width"], (text, shown)
        assert shown["width"] >= 0.8 * text["width"], (text, shown)
        assert shown["y"] < text["y"] + text["height"], (text, shown)
        panel = page.locator(".markdown-preview-panel").bounding_box()
        assert abs(panel["y"] + panel["height"] - (text["y"] + text["height"])) <= 2, (text, panel)
        long = BODY + "".join(f"\n\n## Part {n}\n\nMore text, part {n}." for n in range(40))
        page.locator("#id_body").fill(long)
        expect(preview.get_by_role("heading", name="Part 39")).to_be_attached()
        assert page.locator(".markdown-preview-panel").bounding_box()["height"] == panel["height"]  # not grown
        assert preview.evaluate("node => node.scrollHeight > node.clientHeight + 100")
    else:  # under it, as wide
        assert shown["y"] >= text["y"] + text["height"], (text, shown)
        assert abs(shown["width"] - text["width"]) <= 2, (text, shown)
    problems += violations(page, f"{width}px {scheme} side preview")
    page.close()
    assert problems == [], "\n".join(problems)


def test_without_javascript_the_body_is_the_plain_textarea(browser, live_server, editor):
    article = factories.ArticleFactory(title="No script", body="Text.", author=editor.contributor)
    page = login(browser, live_server, width=1280)
    off = page.context.browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    off.add_cookies(page.context.cookies())
    plain = off.new_page()
    plain.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(plain.locator("#id_body")).to_have_value("Text.")
    expect(plain.locator(".markdown-preview-panel")).to_be_hidden()
    title = plain.locator("#id_title").bounding_box()
    assert plain.locator("#id_body").bounding_box()["width"] >= title["width"] - 1
    off.close()
    page.close()
