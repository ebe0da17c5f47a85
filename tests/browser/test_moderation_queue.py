"""The moderation queue in Chromium (comments/admin_queue.py): at 1280 and 390 px, light and dark, it fits
without sideways scrolling, shows every column at 1280 and cards at 390, urgent rows first and marked in
words, with no WCAG 2.2 AA violation; a moderator handles an urgent and an ordinary comment by keyboard."""

import os
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from comments.models import Comment, CommentStatus
from editorial.roles import MODERATOR
from tests import factories
from tests.browser.test_csp import RECORD_VIOLATIONS
from tests.editorial.test_locking_screens import PASSWORD, check, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("QUEUE_SCREENSHOTS")  # a folder: save each screen there as a PNG, to look at
QUEUE = "/admin/comments/comment/?status__exact=pending"


def held(
    article, body, *, minutes_ago, urgent=False, name="Reader", reasons=("first comment from this e-mail address",)
):
    comment = Comment.objects.create(
        article=article, name=name, email=f"{name.lower()}@example.org", body=body, status=CommentStatus.PENDING,
        is_urgent=urgent, hold_reasons=list(reasons),
    )  # fmt: skip
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))
    return comment


@pytest.fixture
def queue(db, django_user_model):
    """A moderator, "mod", and a queue: two ordinary comments held for hours, then an urgent one."""
    user = django_user_model.objects.create_user("mod", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=MODERATOR))
    article = factories.ArticleFactory(published=True, title="Kratom withdrawal: what to expect in the first week")
    other = factories.ArticleFactory(published=True, title="Does kratom interact with antidepressants?")
    return {
        "ordinary": held(
            article,
            "I took five grams twice a day for a year and stopped last week. The second night was the worst: "
            "restless legs, no sleep, sweating. It is getting better now, day six. Thank you for the article, "
            "the part about sleep helped me plan.",
            minutes_ago=200,
            name="Sam",
            reasons=("dosing talk: amounts in digits or words", "first comment from this e-mail address"),
        ),
        "second": held(other, "Is it safe with sertraline? My doctor did not know.", minutes_ago=90, name="Alex"),
        "urgent": held(
            article,
            "I can't do this anymore. I have been saving my pills and I want to die.",
            minutes_ago=20,
            urgent=True,
            name="Kim",
            reasons=("crisis language: urgent, read first", "first comment from this e-mail address"),
        ),
    }


def outside(page, selector: str) -> list[str]:
    """The elements matched that are hidden or not wholly inside the window's width."""
    return page.eval_on_selector_all(
        selector,
        """(elements) => elements.filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width === 0 || box.left < 0 || box.right > window.innerWidth;
        }).map((element) => element.textContent.trim() || element.className)""",
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_queue_fits_marks_urgent_first_and_has_no_violation(browser, live_server, queue, width, scheme):
    page = login(browser, live_server, "mod", width=width, scheme=scheme)
    page.goto(f"{live_server.url}{QUEUE}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scroll
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0).locator(".queue-urgent")).to_have_text("Urgent")  # in words, with an icon, on top
    expect(rows.nth(0).locator(".queue-urgent svg")).to_have_count(1)
    expect(rows.nth(1).locator(".queue-urgent")).to_have_count(0)
    first = rows.nth(0)
    expect(first.get_by_role("button", name="Reject")).to_be_visible()
    expect(first.get_by_role("button", name="Approve")).to_have_count(0)
    expect(first.get_by_role("button", name="Spam")).to_have_count(0)
    expect(rows.nth(1).get_by_role("button", name="Spam")).to_be_visible()
    assert outside(page, "#result_list tbody td, #result_list tbody button") == []
    text = rows.nth(1).locator(".queue-text").bounding_box()
    if width == 1280:  # a table: every column's header in view, the text in lines, not a word a line
        assert outside(page, "#result_list thead th") == []
        assert page.locator("#result_list thead th").count() == 6
        assert text["width"] >= 280, text
        expect(page.locator("#result_list thead")).to_be_visible()
    else:  # cards: each cell says what it is
        expect(rows.nth(1).locator(".queue-label", has_text="Writer")).to_be_visible()
        expect(rows.nth(1).locator(".queue-label", has_text="Held because")).to_be_visible()
        assert text["width"] >= 250, text
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"queue-{width}-{scheme}.png"), full_page=True)
    assert check(page, f"queue {width} {scheme}") == []  # axe: WCAG 2.2 AA and target size


def test_a_moderator_handles_an_urgent_and_an_ordinary_comment_by_keyboard(browser, live_server, queue):
    page = login(browser, live_server, "mod", width=1280, scheme="light")
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{live_server.url}{QUEUE}")
    page.wait_for_load_state("networkidle")
    announce = page.locator("#queue-announce")

    page.locator("#searchbar").focus()
    page.keyboard.type("jar")  # typing in a field is typing
    expect(page.locator("#searchbar")).to_have_value("jar")
    expect(announce).to_have_text("")
    page.evaluate("document.activeElement.blur()")

    page.keyboard.press("?")
    expect(page.locator("#queue-keys")).to_have_attribute("open", "")
    page.keyboard.press("?")
    expect(page.locator("#queue-keys")).not_to_have_attribute("open", "")
    page.evaluate("document.activeElement.blur()")

    page.keyboard.press("j")
    expect(announce).to_have_text("Comment 1 of 3, urgent.")
    if SHOTS:  # the focused row
        page.screenshot(path=os.path.join(SHOTS, "queue-keyboard.png"))
    assert page.evaluate("document.activeElement.closest('tr').querySelector('.queue-urgent') !== null")
    page.keyboard.press("s")  # never spam
    expect(announce).to_have_text("An urgent comment is never marked as spam.")
    page.keyboard.press("j")
    page.keyboard.press("k")
    expect(announce).to_have_text("Comment 1 of 3, urgent.")
    with page.expect_navigation():
        page.keyboard.press("a")  # an urgent comment opens, to be read in full
    assert f"/comments/comment/{queue['urgent'].pk}/change/" in page.url
    assert Comment.objects.get(pk=queue["urgent"].pk).status == CommentStatus.PENDING

    page.goto(f"{live_server.url}{QUEUE}")
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("r")
    expect(page.locator(".messagelist")).to_contain_text("Done.")
    assert page.url.endswith(QUEUE)  # back in the queue, with its filters
    expect(page.locator("#result_list tbody tr")).to_have_count(2)

    page.keyboard.press("j")
    expect(announce).to_have_text("Comment 1 of 2.")
    with page.expect_navigation():
        page.keyboard.press("a")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    assert page.evaluate("window.__cspViolations") == []  # the policy holds: no inline script or style
    statuses = {key: Comment.objects.get(pk=comment.pk).status for key, comment in queue.items()}
    assert statuses == {"urgent": "rejected", "ordinary": "approved", "second": "pending"}
