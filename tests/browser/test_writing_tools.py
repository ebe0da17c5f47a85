"""An editor writes in the real admin: "Insert image" asks for the alt text, a dropped image too, "Cite a
source" inserts [@key] from the list; the preview numbers the citation; no WCAG 2.2 AA violation."""

import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import PASSWORD
from tests.browser.test_admin_editor import DROP_FILE, png_base64

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("WRITING_SCREENSHOTS")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
}


def login(browser, live_server, *, width: int):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "ed")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def violations(page, label):
    if SHOTS:  # a folder: save each screen there as a PNG, to look at
        page.screenshot(path=os.path.join(SHOTS, f"{label.replace(' ', '-')}.png"), full_page=True)
    results = Axe().run(page, options=AXE_OPTIONS).response
    return [f"{label}: {rule['id']} {node['target']}" for rule in results["violations"] for node in rule["nodes"]]


def image_file(tmp_path):
    import base64

    path = tmp_path / "teal.png"
    path.write_bytes(base64.b64decode(png_base64()))
    return path


def test_editor_inserts_an_image_with_alt_text_and_a_citation_then_previews(browser, live_server, editor, tmp_path):
    article = factories.ArticleFactory(title="Writing draft", body="", author=editor.contributor)
    page = login(browser, live_server, width=1280)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    body = page.locator("#id_body")
    body.fill("Kratom can cause dependence. ")

    page.get_by_role("button", name="Cite a source").click()
    dialog = page.get_by_role("dialog", name="Cite a source")
    dialog.get_by_label("Source").select_option("fda-kratom")
    dialog.get_by_role("button", name="Insert citation").click()
    expect(dialog).to_be_hidden()
    expect(body).to_have_value("Kratom can cause dependence. [@fda-kratom]")

    page.keyboard.press("End")
    page.keyboard.type("\n\n")
    page.get_by_role("button", name="Insert image").click()
    dialog = page.get_by_role("dialog", name="Insert image")
    dialog.get_by_role("button", name="Insert image").click()  # no file, no alt text: said, not sent
    expect(dialog.get_by_role("alert")).to_have_text("Choose an image file.")
    dialog.get_by_label("Image file").set_input_files(image_file(tmp_path))
    dialog.get_by_role("button", name="Insert image").click()
    expect(dialog.get_by_role("alert")).to_contain_text("alt text")
    dialog.get_by_label("Alt text").fill("A teal square [sample]")
    dialog.get_by_role("button", name="Insert image").click()
    expect(dialog).to_be_hidden()
    expect(body).to_have_value(
        re.compile(
            r"^Kratom can cause dependence\. \[@fda-kratom\]\n\n"
            r"!\[A teal square \\\[sample\\\]\]\(/media/uploads/.+\.png\)$"
        )
    )

    preview = page.locator(".markdownx-preview")
    expect(preview.locator("sup.citation a")).to_have_text("[1]")
    page.click("input[name=_continue]")
    page.locator(".messagelist .success").wait_for()
    article.refresh_from_db()
    assert '<img alt="A teal square [sample]" src="/media/uploads/' in article.body_html
    assert article.citations.get().source.key == "fda-kratom"

    shown = page.context.new_page()
    shown.goto(f"{live_server.url}/admin/articles/article/{article.pk}/preview/")
    assert shown.locator("sup.citation a").first.inner_text() == "[1]"
    assert "FDA and Kratom" in shown.inner_text("body")
    page.close()


def drop_an_image(browser, live_server, editor):
    """An article with the body "Text.", and an image dropped at its end: the page and the alt text dialog."""
    article = factories.ArticleFactory(title="Dropped", body="Text.", author=editor.contributor)
    page = login(browser, live_server, width=1280)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.locator("#id_body").focus()
    page.keyboard.press("Control+End")
    page.evaluate(DROP_FILE, ["#id_body", png_base64()])
    dialog = page.get_by_role("dialog", name="Describe the image you added")
    expect(dialog).to_be_visible()
    return page, dialog


def test_a_dropped_image_asks_for_its_alt_text_or_is_marked_decorative(browser, live_server, editor):
    page, dialog = drop_an_image(browser, live_server, editor)
    expect(dialog.get_by_label("Alt text")).to_be_focused()
    dialog.get_by_label("Decorative image").check()
    dialog.get_by_role("button", name="Set alt text").click()
    expect(page.locator("#id_body")).to_have_value(re.compile(r"^Text\.!\[decorative\]\(/media/uploads/"))
    page.close()


def test_alt_text_with_dollar_signs_and_brackets_is_kept_as_typed(browser, live_server, editor):
    page, dialog = drop_an_image(browser, live_server, editor)
    dialog.get_by_label("Alt text").fill("A $5 pack: $& $` $' [label]")
    dialog.get_by_role("button", name="Set alt text").click()
    expected = re.escape(r"Text.![A $5 pack: $& $` $' \[label\]](/media/uploads/")
    expect(page.locator("#id_body")).to_have_value(re.compile("^" + expected))
    page.close()


def test_an_upload_cancelled_then_finished_inserts_nothing_into_the_reopened_dialog(
    browser, live_server, editor, tmp_path
):
    article = factories.ArticleFactory(title="Slow upload", body="Text.", author=editor.contributor)
    page = login(browser, live_server, width=1280)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    held = []
    page.route("**/admin/markdownx/upload/", lambda route: held.append(route))  # held until the test lets it go
    page.get_by_role("button", name="Insert image").click()
    dialog = page.get_by_role("dialog", name="Insert image")
    dialog.get_by_label("Image file").set_input_files(image_file(tmp_path))
    dialog.get_by_label("Alt text").fill("First image")
    dialog.get_by_role("button", name="Insert image").click()
    for _ in range(100):  # until the upload is sent (and held)
        if held:
            break
        page.wait_for_timeout(50)
    page.keyboard.press("Escape")  # cancelled while it uploads
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Insert image").click()  # opened again, for another image
    expect(dialog).to_be_visible()
    with page.expect_response("**/admin/markdownx/upload/"):
        held[0].continue_()
    page.wait_for_timeout(300)  # the late answer's handler has run
    expect(dialog).to_be_visible()
    expect(page.locator("#id_body")).to_have_value("Text.")
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_change_form_and_its_dialogs_have_no_violation(browser, live_server, editor, width):
    article = factories.ArticleFactory(title="A" * 60, body="Text.", author=editor.contributor)
    page = login(browser, live_server, width=width)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.wait_for_load_state("networkidle")
    problems = violations(page, f"{width}px change form")
    row = page.locator(".form-row.field-title .flex-container").bounding_box()
    for name in ("title", "summary"):  # the width of the form's row, not the admin's 20em or 610px box
        box = page.locator(f"#id_{name}").bounding_box()
        assert box["width"] >= min(row["width"] - box["x"] + row["x"], 960) - 2, (name, box, row)
    page.get_by_role("button", name="Insert image").click()
    problems += violations(page, f"{width}px image dialog")
    page.get_by_role("button", name="Cancel").click()
    page.get_by_role("button", name="Cite a source").click()
    page.get_by_role("dialog", name="Cite a source").get_by_label("Source").wait_for()
    problems += violations(page, f"{width}px citation dialog")
    page.close()
    assert problems == [], "\n".join(problems)
