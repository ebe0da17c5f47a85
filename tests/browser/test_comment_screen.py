"""The comment screen in Chromium, as a moderator at 2 a.m. would use it: an urgent comment leads with the
comment and its reasons, then the decision, above the fold on a laptop; "Send support resources" shows the
exact mail with the note typed on the screen, is confirmed, sent once and logged; two moderators deciding the
same comment end with one decision. No WCAG 2.2 AA violation, light and dark, phone and desktop width."""

import os
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.core import mail

from comments.models import Comment, CommentStatus
from editorial.roles import MODERATOR
from tests import factories
from tests.editorial.test_locking_screens import AXE_OPTIONS, PASSWORD, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("COMMENT_SCREENSHOTS")  # a folder: save each screen there as a PNG, to look at
URGENT_TEXT = (
    "I have read everything here and nothing helps. I stopped sleeping weeks ago and I don't think anyone "
    "would notice if I was gone. I have been saving my pills. Thank you for writing this page anyway."
)


@pytest.fixture
def moderators(db, django_user_model):
    users = []
    for name in ("mod", "mod2"):
        user = django_user_model.objects.create_user(
            name, f"{name}@example.org", PASSWORD, is_staff=True, first_name=name.capitalize(), last_name="Night"
        )
        user.groups.add(Group.objects.get(name=MODERATOR))
        users.append(user)
    return users


def comment(*, urgent: bool, body: str, email="writer@example.org") -> Comment:
    article = factories.ArticleFactory(published=True, title="Kratom withdrawal: what to expect")
    reasons = (
        ["crisis language: urgent, read first", "first comment from this e-mail address"]
        if urgent
        else ["dosing talk: a person reads it first", "e-mail address not confirmed from this browser"]
    )
    return Comment.objects.create(
        article=article, name="Sam", email=email, body=body, is_urgent=urgent, hold_reasons=reasons
    )


def check(page, label: str) -> list[str]:
    """axe's violations on the page, and, when COMMENT_SCREENSHOTS names a folder, its screenshot there."""
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), f"{label}: scrolls sideways"
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{label}.png"), full_page=True)
    results = Axe().run(page, options=AXE_OPTIONS).response
    return [f"{label}: {rule['id']} {node['target']}" for rule in results["violations"] for node in rule["nodes"]]


def screen_url(live_server, item) -> str:
    return f"{live_server.url}/admin/comments/comment/{item.pk}/change/"


def wait_for_mail(count: int) -> None:
    """The support mail goes after the response (editorial/after_response.py), in the server's thread."""
    deadline = time.monotonic() + 10
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_an_urgent_comment_is_decided_from_the_top_and_its_support_mail_previewed_and_sent_once(
    browser, live_server, moderators, width, scheme
):
    urgent = comment(urgent=True, body=URGENT_TEXT)
    Comment.objects.create(
        article=urgent.article, name="Sam", email=urgent.email, body="Is 4 g a lot?", status=CommentStatus.REJECTED
    )
    page = login(browser, live_server, "mod", width=width, scheme=scheme)
    page.goto(screen_url(live_server, urgent))

    tops = [page.locator(selector).bounding_box()["y"] for selector in (
        ".comment-body", ".hold-reasons", "#decision", ".comment-history", "#comment_form"
    )]  # fmt: skip
    assert tops == sorted(tops), tops
    assert page.locator(".hold-reasons li").all_inner_texts()[0] == "crisis language: urgent, read first"
    assert "URGENT" in page.inner_text(".urgent-banner").upper()
    buttons = page.locator("#decision .decision-buttons button").all_inner_texts()
    assert buttons == ["Send support resources…", "Reject", "Approve"]
    if width == 1280:  # on a laptop, the decision needs no scrolling
        box = page.locator("#decision .decision-buttons").bounding_box()
        assert box["y"] + box["height"] <= 900, box
    assert page.locator("#comment_form input:not([type=hidden]), #comment_form textarea").count() == 0
    problems = check(page, f"screen-urgent-{width}-{scheme}")

    note = "No place given. Sent resources; rejecting."
    page.fill("#moderation-note", note)
    page.click("button[value=support]")
    page.wait_for_url("**/support/")
    assert page.input_value("#id_note") == note, "the note typed on the screen is carried to the preview"
    shown = {
        "subject": page.inner_text(".mail-subject"),
        "to": page.inner_text(".mail-to"),
        "body": page.locator(".mail-body").text_content(),
    }
    problems += check(page, f"screen-preview-{width}-{scheme}")
    assert len(mail.outbox) == 0, "the preview sends nothing"

    page.dblclick("input[value='Confirm: send this mail']")  # a double click sends one mail
    page.wait_for_url(screen_url(live_server, urgent))
    wait_for_mail(1)
    time.sleep(0.3)  # room for a second mail, were one to go
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert shown == {"subject": sent.subject, "to": ", ".join(sent.to), "body": sent.body}
    page.reload()
    record = page.inner_text(".support-record")
    assert record.startswith("Support resources sent by Mod Night at") and record.endswith(f": {note}"), record
    assert page.locator("button[value=support]").count() == 0
    problems += check(page, f"screen-urgent-sent-{width}-{scheme}")
    urgent.refresh_from_db()
    assert (urgent.moderation_note, urgent.support_note, urgent.support_sent_by) == (note, note, moderators[0])

    page.click("button[value=reject]")  # then the decision, with its own note line
    page.wait_for_selector(".messagelist .success")
    assert Comment.objects.get(pk=urgent.pk).status == CommentStatus.REJECTED
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_an_ordinary_comment_offers_approve_first_and_spam(browser, live_server, moderators, width, scheme):
    ordinary = comment(urgent=False, body="I take five grams twice a day and it helps my back. Is that too much?")
    page = login(browser, live_server, "mod", width=width, scheme=scheme)
    page.goto(screen_url(live_server, ordinary))
    buttons = page.locator("#decision .decision-buttons button").all_inner_texts()
    assert buttons == ["Approve", "Reject", "Mark as spam", "Send support resources…"]
    assert page.locator(".urgent-banner").count() == 0
    assert "writer@example.org" not in page.content()
    problems = check(page, f"screen-ordinary-{width}-{scheme}")
    assert problems == [], "\n".join(problems)


def test_two_moderators_deciding_the_same_comment_end_with_one_decision(browser, live_server, moderators):
    ordinary = comment(urgent=False, body="Does kratom show on a drug test?")
    first = login(browser, live_server, "mod", width=1280, scheme="light")
    second = login(browser, live_server, "mod2", width=390, scheme="dark")
    for page in (first, second):  # both open the comment while it waits
        page.goto(screen_url(live_server, ordinary))
    first.fill("#moderation-note", "On topic.")
    first.click("button[value=approve]")
    first.wait_for_selector(".messagelist .success")
    second.fill("#moderation-note", "Off topic.")
    second.click("button[value=reject]")
    assert "Someone else handled this comment already" in second.inner_text(".messagelist .warning")
    decided = Comment.objects.get(pk=ordinary.pk)
    assert (decided.status, decided.moderated_by, decided.moderation_note) == ("approved", moderators[0], "On topic.")
