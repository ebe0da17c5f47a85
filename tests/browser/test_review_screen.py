"""The review screen in Chromium: the page as readers will see it (its numbered citations and sources list,
framed) beside the read-only fields on a wide screen and above them on a phone; the decision after them;
returning needs a note; no WCAG 2.2 AA violation, light and dark."""

import pytest

from articles.models import Article
from editorial.models import Status
from editorial.workflow.services import content_submit
from tests import factories
from tests.editorial.test_locking_screens import check, login, staff  # noqa: F401 (staff: a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# check(): axe, and a screenshot in the folder LOCKING_SCREENSHOTS names, if it is set.


def submitted_draft(users) -> Article:
    draft = factories.ArticleFactory(
        title="Kratom and sleep: what is reported",
        summary="What people report about kratom and sleep, and what is documented.",
        body="## What is reported\n\nSome people report poor sleep when they stop [@nimh-depression].",
        author=None,
        status=Status.DRAFT,
    )
    draft._history_user = users["ed"]
    draft.save()
    return content_submit(obj=draft, user=users["ed"], note="New article; please check the sleep claim.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_reviewer_checks_the_page_as_readers_see_it_and_returns_it_with_a_note(
    browser,
    live_server,
    staff,  # noqa: F811
    width,
    scheme,
):
    article = submitted_draft(staff)
    page = login(browser, live_server, "rev", width=width, scheme=scheme)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    reader = page.frame_locator(".review-reader iframe")
    reader.locator("h1").filter(has_text="Kratom and sleep").wait_for()
    page.wait_for_function("document.querySelector('.review-reader iframe').contentWindow.scrollY > 0")
    assert page.evaluate("scrollY") == 0, "the frame opens at the article; the admin page stays at its top"
    # Public pages refuse to be framed: every link out of the preview opens a tab; citations scroll the frame.
    targets = reader.locator("a[href]").evaluate_all("links => links.map(a => [a.getAttribute('href'), a.target])")
    assert [href for href, target in targets if not href.startswith("#") and target != "_blank"] == []
    assert any(href.startswith("#") and target == "" for href, target in targets)
    assert reader.locator("sup a, a[href^='#source']").count() >= 1  # the citation, numbered and linked
    assert "National Institute of Mental Health" in reader.locator("body").inner_text()  # its source, listed
    frame_box = page.locator(".review-reader iframe").bounding_box()
    fields_box = page.locator(".review-fields").bounding_box()
    if width >= 1280:
        assert frame_box["x"] + frame_box["width"] <= fields_box["x"], "the preview is beside the fields"
    else:
        assert frame_box["y"] + frame_box["height"] <= fields_box["y"], "the preview is above the fields"
    assert "please check the sleep claim" in page.inner_text(".submitted-note")
    assert page.locator("input[name=_save]").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways"
    problems = check(page, f"review screen {width} {scheme}")

    decision = page.locator("#decision .decision").filter(has_text="Return to draft")
    decision.locator("input[type=submit]").click()  # no note: the browser asks for one, nothing is sent
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW
    decision.locator("textarea").fill("The NIMH page does not mention sleep: cite a source that does.")
    decision.locator("input[type=submit]").click()
    page.wait_for_selector(".messagelist .success")
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
    assert problems == []
