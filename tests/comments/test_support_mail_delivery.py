"""Support resources reach the writer or nobody says they did: found by review.

- A writer with no address (a WordPress import) cannot be sent anything: the preview says so and offers
  no Confirm, and nothing is recorded as sent.
- "Sent" is recorded only once the mail server took the mail; a send that was claimed and never finished
  (a worker killed) is retried by the digest after the lease.
- Writers with no address are not one person: their comments are no one's "history".
"""

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from comments import moderation
from comments.models import Comment
from comments.moderation import support_mail_request, support_mail_send
from tests.comments.test_moderation import held, login, moderators  # noqa: F401 (a fixture)


def no_address(**kwargs) -> Comment:
    comment = held(**kwargs)
    Comment.objects.filter(pk=comment.pk).update(email="", email_key="@")
    comment.refresh_from_db()
    return comment


def test_a_writer_with_no_address_is_offered_no_confirm_and_nothing_is_recorded_as_sent(moderators):  # noqa: F811
    comment = no_address(urgent=True)
    mod = login("mod1")
    page = mod.get(reverse("admin:comments_comment_support", args=[comment.pk])).content.decode()
    assert "left no e-mail address" in page and "escalation procedure" in page
    assert "Confirm: send this mail" not in page
    mod.post(reverse("admin:comments_comment_support", args=[comment.pk]), {"confirm": "1", "note": "x"})
    comment.refresh_from_db()
    assert comment.support_requested_at is None and comment.support_sent_at is None
    assert not support_mail_request(comment=comment, user=moderators[0])


def test_a_mail_the_server_did_not_take_is_not_recorded_as_sent(moderators):  # noqa: F811
    comment = held(urgent=True)
    assert support_mail_request(comment=comment, user=moderators[0])
    with mock.patch.object(moderation, "send_mail", return_value=0):  # no recipient accepted, no error raised
        assert not support_mail_send(comment.pk)
    assert Comment.objects.get(pk=comment.pk).support_sent_at is None


def test_a_send_claimed_by_a_worker_that_died_is_retried_after_the_lease_and_sent_once(moderators):  # noqa: F811
    comment = held(urgent=True)
    long_ago = timezone.now() - timedelta(minutes=20)
    Comment.objects.filter(pk=comment.pk).update(
        support_requested_at=long_ago, support_sent_by=moderators[0], support_claimed_at=long_ago
    )  # asked for, claimed for sending, and the worker was killed before the mail server took it
    assert Comment.objects.get(pk=comment.pk).support_sent_at is None  # the screen says "asked for", not "sent"
    call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [message.subject for message in mail.outbox].count("Support is available") == 1
    assert Comment.objects.get(pk=comment.pk).support_sent_at is not None


def test_a_send_being_made_right_now_is_left_to_its_worker(moderators):  # noqa: F811
    comment = held(urgent=True)
    now = timezone.now()
    Comment.objects.filter(pk=comment.pk).update(
        support_requested_at=now - timedelta(minutes=20), support_claimed_at=now - timedelta(seconds=10)
    )
    assert not support_mail_send(comment.pk)
    assert mail.outbox == []


def test_writers_with_no_address_share_no_history(moderators):  # noqa: F811
    first, second = no_address(body="One person"), no_address(body="Another person", urgent=True)
    mod = login("mod1")
    screen = mod.get(reverse("admin:comments_comment_change", args=[second.pk])).content.decode()
    assert "One person" not in screen  # not listed as this writer's last comments
    queue = mod.get(reverse("admin:comments_comment_changelist") + "?status__exact=pending")
    rows = {comment.pk: comment.writer_recent for comment in queue.context["cl"].result_list}
    assert rows == {first.pk: [], second.pk: []}


def test_the_support_page_answers_only_get_and_post(moderators):  # noqa: F811
    url = reverse("admin:comments_comment_support", args=[held(urgent=True).pk])
    mod = login("mod1")
    assert mod.put(url).status_code == 405 and mod.delete(url).status_code == 405


def test_a_one_click_decision_returns_to_the_queues_filters_not_a_page_that_may_be_empty(moderators):  # noqa: F811
    comment = held()
    queue = reverse("admin:comments_comment_changelist") + "?status__exact=pending&p=1"
    rows = login("mod1").get(queue)  # the page the moderator is on: its rows' return address
    assert rows.status_code == 200
    returns = {row.queue_return for row in rows.context["cl"].result_list}
    assert returns == {reverse("admin:comments_comment_changelist") + "?status__exact=pending"}
    assert comment.pk in {row.pk for row in rows.context["cl"].result_list}


def test_a_decision_with_too_long_a_note_says_why_it_was_refused(moderators):  # noqa: F811
    comment = held()
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])
    response = login("mod1").post(url, {"decision": "reject", "seen": "pending", "note": "x" * 2001}, follow=True)
    assert "the note is too long" in response.content.decode()
    assert Comment.objects.get(pk=comment.pk).status == "pending"
