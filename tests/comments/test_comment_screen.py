"""The comment screen leads with the decision: the comment and its reasons in words, the decision (urgent:
support first, reject before approve, never spam), the writer's history, then the details, read-only.
One note field, saved with every action. Support resources open a preview of the exact mail; confirming
sends it once, and the screen says who sent it, when, with their note."""

import html
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from comments.models import Comment, CommentStatus
from editorial.roles import REVIEWER
from tests.comments.test_moderation import PASSWORD, held, login, moderators  # noqa: F401 (a fixture)
from tests.html_checks import elements

pytestmark = pytest.mark.django_db


def screen(client, comment) -> str:
    response = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))
    assert response.status_code == 200
    return response.content.decode()


def support_url(comment) -> str:
    return reverse("admin:comments_comment_support", args=[comment.pk])


def decision_buttons(page: str) -> list[str]:
    decision = page[page.index('id="decision"') : page.index('id="history-heading"')]
    return [attrs["value"] for tag, attrs in elements(decision) if tag == "button"]


def change_form(page: str) -> str:
    start = page.index('id="comment_form"')
    return page[start : page.index("</form>", start)]


def the_mail(page: str) -> dict:
    """The preview's mail, as text."""

    def text(pattern):
        return html.unescape(re.search(pattern, page, re.S).group(1))

    return {
        "subject": text(r'class="mail-subject">(.*?)</dd>'),
        "to": text(r'class="mail-to">(.*?)</dd>'),
        "body": text(r'<pre class="mail-body">(.*?)</pre>'),  # exactly: <pre> keeps every space and line
    }


def test_the_screen_reads_comment_and_reasons_then_decision_then_history_then_details(moderators):  # noqa: F811
    comment = held(urgent=True, body="Nobody would notice if I was gone.\n\nThank you for the article.")
    Comment.objects.create(article=comment.article, name="W", email=comment.email, body="An earlier one", status="spam")
    page = screen(login("mod1"), comment)
    order = [
        page.index("Nobody would notice if I was gone."),
        page.index('<ul class="hold-reasons"'),
        page.index('id="decision"'),
        page.index('id="history-heading"'),
        page.index("An earlier one"),
        page.index('id="comment_form"'),
    ]
    assert order == sorted(order), order
    # The reasons as a list in words, never the JSON the read-only field would show.
    assert "<li>crisis language: urgent, read first</li>" in page
    assert "[&quot;crisis" not in page and '["crisis' not in page
    assert "waiting" in page and comment.article.title in page
    # Urgent: said in words, not colour alone, with what to do.
    banner = page[page.index('class="urgent-banner"') : page.index('class="decision-form"')]
    assert "Urgent" in banner and "send support resources" in banner and "Never mark it as spam" in banner


def test_urgent_offers_support_then_reject_before_approve_never_spam(moderators):  # noqa: F811
    client = login("mod1")
    assert decision_buttons(screen(client, held(urgent=True))) == ["support", "reject", "approve"]
    assert decision_buttons(screen(client, held())) == ["approve", "reject", "spam", "support"]
    page = screen(client, held(urgent=True))
    assert 'class="decision-button tone-danger"' in page  # reject, styled as such
    ordinary = screen(client, held())
    assert 'class="urgent-flag"' not in ordinary and 'class="urgent-banner"' not in ordinary


def test_the_change_form_is_read_only_for_a_moderator(moderators):  # noqa: F811
    comment = held()
    client = login("mod1")
    form = change_form(screen(client, comment))
    controls = [(tag, attrs) for tag, attrs in elements(form) if tag in {"input", "textarea", "select", "button"}]
    assert [(tag, attrs.get("name")) for tag, attrs in controls] == [("input", "csrfmiddlewaretoken")]
    assert "_save" not in form
    # Saving the form directly is refused: a comment changes only through a decision.
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    assert client.post(url, {"imported": "on", "_save": "Save"}).status_code == 403
    assert Comment.objects.get(pk=comment.pk).imported is False


@pytest.mark.parametrize("decision", ["approve", "reject", "spam"])
def test_the_note_is_saved_with_each_decision(moderators, decision):  # noqa: F811
    comment = held()
    login("mod1").post(
        reverse("admin:comments_comment_moderate", args=[comment.pk]),
        {"decision": decision, "note": "Checked the links.", "seen": "pending"},
    )
    assert Comment.objects.get(pk=comment.pk).moderation_note == "Checked the links."


def test_the_note_survives_send_support_resources(moderators, django_capture_on_commit_callbacks):  # noqa: F811
    comment = held(urgent=True)
    client = login("mod1")
    # The screen's button posts the decision form (its note) to the preview, which carries the note...
    preview = client.post(support_url(comment), {"decision": "support", "seen": "pending", "note": "No place given."})
    assert preview.status_code == 200 and len(mail.outbox) == 0  # a preview sends nothing
    assert "No place given.</textarea>" in preview.content.decode()
    # ...and confirming records it, with who asked and when.
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(support_url(comment), {"confirm": "1", "note": "No place given."})
    assert done["Location"] == reverse("admin:comments_comment_change", args=[comment.pk])
    comment.refresh_from_db()
    assert (comment.moderation_note, comment.support_note) == ("No place given.", "No place given.")
    assert comment.support_sent_by == moderators[0] and comment.support_sent_at is not None
    assert len(mail.outbox) == 1
    assert re.search(r"Support resources sent by mod1 at [^<]+: No place given\.", screen(client, comment))


def test_the_preview_shows_the_exact_mail_that_is_sent_once(moderators, django_capture_on_commit_callbacks):  # noqa: F811
    comment = held(urgent=True, email="at-risk@example.org", name="Dr. Evil <b>")
    client = login("mod1")
    shown = the_mail(client.get(support_url(comment)).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(support_url(comment), {"confirm": "1", "note": ""})
        again = client.post(support_url(comment), {"confirm": "1", "note": "Twice?"}, follow=True)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert shown == {"subject": sent.subject, "to": ", ".join(sent.to), "body": sent.body}
    assert sent.to == ["at-risk@example.org"] and "988" in sent.body
    assert "Nothing more was sent" in again.content.decode()
    assert "Twice?" not in Comment.objects.get(pk=comment.pk).moderation_note
    # Once sent, the screen offers it no more, and its preview has nothing to confirm.
    assert "support" not in decision_buttons(screen(client, comment))
    assert 'name="confirm"' not in client.get(support_url(comment)).content.decode()


def test_two_moderators_confirming_support_send_one_mail(moderators, django_capture_on_commit_callbacks):  # noqa: F811
    comment = held(urgent=True)
    first, second = login("mod1"), login("mod2")
    with django_capture_on_commit_callbacks(execute=True):
        first.post(support_url(comment), {"confirm": "1", "note": "Sent."})
        told = second.post(support_url(comment), {"confirm": "1", "note": "Me too."}, follow=True)
    assert len(mail.outbox) == 1
    assert "by mod1" in told.content.decode() and "Nothing more was sent" in told.content.decode()
    assert Comment.objects.get(pk=comment.pk).support_sent_by == moderators[0]


def test_an_ordinary_comments_preview_keeps_the_address_hidden(moderators):  # noqa: F811
    comment = held(email="private@example.org")
    page = login("mod1").get(support_url(comment)).content.decode()
    assert "private@example.org" not in page and "shown only on urgent comments" in page


def test_two_moderators_deciding_end_with_one_decision_the_second_told(moderators):  # noqa: F811
    comment = held()
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])
    first, second = login("mod1"), login("mod2")  # both opened the screen while it was pending
    first.post(url, {"decision": "approve", "note": "Fine.", "seen": "pending"})
    told = second.post(url, {"decision": "reject", "note": "Not fine.", "seen": "pending"}, follow=True)
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by, comment.moderation_note) == ("approved", moderators[0], "Fine.")
    assert "Someone else handled this comment already" in told.content.decode()


def test_bad_support_requests_are_refused_clearly(moderators, django_user_model):  # noqa: F811
    comment = held(urgent=True)
    client = login("mod1")
    too_long = client.post(support_url(comment), {"confirm": "1", "note": "x" * 2001})
    assert too_long.status_code == 400 and "at most 2000 characters" in too_long.content.decode()
    assert Comment.objects.get(pk=comment.pk).support_requested_at is None
    assert client.get(reverse("admin:comments_comment_support", args=[999999])).status_code == 404
    reviewer = django_user_model.objects.create_user("rev", password=PASSWORD, is_staff=True)
    reviewer.groups.add(Group.objects.get(name=REVIEWER))
    assert login("rev").post(support_url(comment), {"confirm": "1"}).status_code in {403, 404}
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.PENDING
    assert Comment.objects.get(pk=comment.pk).support_requested_at is None
