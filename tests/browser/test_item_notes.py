"""Notes on a draft in the real admin (no script of ours is involved: plain forms): an editor adds a note quoting a
passage, resolves it, and finds it under "Show resolved"; the panel has no WCAG 2.2 AA violation."""

import os

import pytest
from playwright.sync_api import expect

from editorial.notes import note_add, note_resolve
from editorial.workflow.services import content_submit
from tests import factories
from tests.browser.test_writing_tools import SHOTS, login, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BODY = "Kratom can cause dependence.\n\nSome people report nausea."


def test_an_editor_adds_a_note_on_a_passage_and_resolves_it(browser, live_server, editor):
    article = factories.ArticleFactory(title="Noted draft", body=BODY, author=editor.contributor)
    page = login(browser, live_server, width=1280)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    notes = page.locator("#item-notes")
    notes.get_by_label("Note:", exact=True).fill("Which source says this?")
    notes.get_by_label("Quoted passage (optional):").fill("some people report vomiting")
    notes.get_by_role("button", name="Add note").click()  # a quote not in the text: refused, nothing lost
    expect(notes.get_by_role("alert")).to_contain_text("not in the item's current text")
    if SHOTS:  # a folder: save the panel there as a PNG, to look at
        notes.screenshot(path=os.path.join(SHOTS, "notes-refused.png"))
    expect(notes.get_by_label("Note:", exact=True)).to_have_value("Which source says this?")
    notes.get_by_label("Quoted passage (optional):").fill("some people report nausea")
    notes.get_by_role("button", name="Add note").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Your note was added")
    expect(notes.locator("blockquote")).to_have_text("some people report nausea")
    expect(notes.locator(".item-note-body")).to_have_text("Which source says this?")
    notes.get_by_role("button", name="Resolve").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Note resolved.")
    expect(notes).to_contain_text("No open notes.")
    notes.get_by_text("Show resolved (1)").click()
    expect(notes.locator("details .item-note-body")).to_have_text("Which source says this?")
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_review_screen_with_notes_has_no_violation(browser, live_server, editor, width, scheme):
    article = factories.ArticleFactory(title="Noted draft", body=BODY, author=editor.contributor)
    content_submit(obj=article, user=editor)  # in review: the notes panel on the review screen
    note_add(obj=article, user=editor, body="Which source?\nAnd how many people?", quote="report nausea")
    note_add(obj=article, user=editor, body="The title is long.")
    note_resolve(note=note_add(obj=article, user=editor, body="Typo fixed."), user=editor)
    page = login(browser, live_server, width=width)
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/#item-notes")
    page.wait_for_load_state("networkidle")
    page.locator("#item-notes summary").click()  # the resolved notes too
    problems = violations(page, f"{width}px {scheme} notes")
    if SHOTS:
        page.locator("#item-notes").screenshot(path=os.path.join(SHOTS, f"notes-{width}-{scheme}.png"))
    page.close()
    assert problems == [], "\n".join(problems)
