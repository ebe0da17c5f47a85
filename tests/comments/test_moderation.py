"""The moderators' side: queue order, decisions and their audit, races, alerts, support, data requests, purge."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail, signing
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments import data_requests, moderation
from comments.models import Comment, CommenterKey, CommentStatus
from comments.moderation import AlreadyHandledError, comment_moderate, comment_purge_expired, support_mail_request
from editorial.roles import MODERATOR
from tests import factories
from tests.comments.test_reply import reply

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


@pytest.fixture
def moderators(django_user_model):
    users = []
    for name in ("mod1", "mod2"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=MODERATOR))
        users.append(user)
    return users


def login(username) -> Client:
    client = Client()
    assert client.post(reverse("admin:login"), {"username": username, "password": PASSWORD}).status_code == 302
    return client


def held(article=None, body="A held comment", urgent=False, minutes_ago=0, email="w@example.org", name="Writer"):
    comment = Comment.objects.create(
        article=article or factories.ArticleFactory(published=True),
        name=name,
        email=email,
        body=body,
        status=CommentStatus.PENDING,
        is_urgent=urgent,
        hold_reasons=["crisis language: urgent, read first"] if urgent else ["first comment from this e-mail address"],
    )
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))
    return comment


def test_the_queue_puts_urgent_first_then_oldest(moderators):
    article = factories.ArticleFactory(published=True)
    old = held(article, "old", minutes_ago=60)
    new = held(article, "new", minutes_ago=1)
    urgent = held(article, "I want to die", urgent=True, minutes_ago=5)
    client = login("mod1")
    response = client.get(reverse("admin:comments_comment_changelist"))
    assert response.status_code == 302 and "status__exact=pending" in response["Location"]
    queue = list(client.get(response["Location"]).context["cl"].result_list)
    assert queue == [urgent, old, new]
    Comment.objects.create(article=article, name="W", email="w@example.org", body="Earlier", status="spam")
    html = client.get(response["Location"]).content.decode()
    assert "Urgent" in html and "first comment from this e-mail address" in html
    assert "1 spam" in html  # each row shows what the writer's last comments became


def test_the_queue_costs_the_same_queries_however_long(moderators):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login("mod1")
    url = reverse("admin:comments_comment_changelist") + "?status__exact=pending"
    counts = []
    for total in (1, 10, 100):
        while Comment.objects.count() < total:
            held(email=f"w{Comment.objects.count()}@example.org")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1] == counts[2], counts


def test_moderators_see_only_comments(moderators):
    client = login("mod1")
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403
    assert client.get(reverse("admin:comments_comment_changelist") + "?status__exact=pending").status_code == 200


@pytest.mark.parametrize(("decision", "status"), [("approve", "approved"), ("reject", "rejected"), ("spam", "spam")])
def test_each_decision_records_who_when_and_why(moderators, client, decision, status):
    comment = held()
    response = login("mod1").post(
        reverse("admin:comments_comment_moderate", args=[comment.pk]),
        {"decision": decision, "note": "checked", "seen": "pending"},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by, comment.moderation_note) == (status, moderators[0], "checked")
    assert timezone.now() - comment.moderated_at < timedelta(minutes=1)
    shown = comment.body in client.get(comment.article.get_absolute_url()).content.decode()
    assert shown is (status == "approved")  # the article shows the result at the next request


def test_bulk_actions_work_and_report_what_was_already_handled(moderators):
    first, second = held(body="one"), held(body="two")
    changelist = reverse("admin:comments_comment_changelist") + "?status__exact=pending"
    client = login("mod1")
    Comment.objects.filter(pk=second.pk).update(status=CommentStatus.REJECTED)  # decided meanwhile by someone
    page = client.post(
        changelist, {"action": "moderate_approve", "_selected_action": [first.pk, second.pk]}, follow=True
    )
    assert Comment.objects.get(pk=first.pk).status == CommentStatus.APPROVED
    assert Comment.objects.get(pk=second.pk).status == CommentStatus.REJECTED
    assert "someone else handled this comment already" in page.content.decode()


def test_a_second_moderator_is_told_it_was_already_handled(moderators):
    comment = held()
    seen_by_second = Comment.objects.get(pk=comment.pk)  # both loaded it while pending
    comment_moderate(comment=comment, decision="approve", user=moderators[0])
    with pytest.raises(AlreadyHandledError):
        comment_moderate(comment=seen_by_second, decision="reject", user=moderators[1])
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.APPROVED

    # Through the admin: the second moderator's form still says "pending".
    page = login("mod2").post(
        reverse("admin:comments_comment_moderate", args=[comment.pk]),
        {"decision": "reject", "seen": "pending"},
        follow=True,
    )
    assert "Someone else handled this comment already." in page.content.decode()
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.APPROVED


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_racing_moderators_leave_one_consistent_state(moderators):
    comment = held()
    outcomes, barrier = [], threading.Barrier(2)

    def decide(user, decision):
        try:
            stale = Comment.objects.get(pk=comment.pk)
            barrier.wait(timeout=10)
            comment_moderate(comment=stale, decision=decision, user=user)
            outcomes.append("done")
        except AlreadyHandledError:
            outcomes.append("already handled")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=decide, args=(moderators[0], "approve")),
        threading.Thread(target=decide, args=(moderators[1], "reject")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["already handled", "done"]
    final = Comment.objects.get(pk=comment.pk)
    assert (final.status, final.moderated_by) in {("approved", moderators[0]), ("rejected", moderators[1])}


def test_urgent_comments_are_never_marked_spam(moderators):
    comment = held(urgent=True)
    with pytest.raises(ValueError, match="never marked as spam"):
        comment_moderate(comment=comment, decision="spam", user=moderators[0])


def test_alerts_go_out_after_commit(moderators, client, django_capture_on_commit_callbacks):
    article = factories.ArticleFactory(published=True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        reply(client, article, body="I want to die")
    assert mail.outbox == []  # nothing before the transaction commits
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("URGENT")
    assert sorted(mail.outbox[0].to) == ["mod1@example.org", "mod2@example.org"]
    assert "/admin/comments/comment/" in mail.outbox[0].body
    assert Comment.objects.get().alerted_at is not None


def test_a_failing_mail_server_never_breaks_posting_and_the_digest_retries(
    moderators, client, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(moderation, "send_mail", broken)
    article = factories.ArticleFactory(published=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = reply(client, article, body="I can't go on")
    assert response.status_code == 303  # the writer never sees the failure
    comment = Comment.objects.get()
    assert comment.alerted_at is None

    monkeypatch.undo()
    call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1 and mail.outbox[0].subject.startswith("URGENT")
    call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # idempotent


def test_digest_mode_sends_one_mail_for_many_comments(moderators, settings, client, django_capture_on_commit_callbacks):
    settings.COMMENTS_ALERTS = "digest"
    article = factories.ArticleFactory(published=True)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            reply(client, article, email=f"p{n}@example.org", body=f"Ordinary comment {n}", address=f"192.0.2.{n}")
    assert mail.outbox == []
    call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1 and "3 replies are waiting" in mail.outbox[0].subject
    call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1


def test_support_resources_are_sent_once_and_logged(moderators, caplog, django_capture_on_commit_callbacks):
    comment = held(urgent=True, email="writer@example.org", name="Dr. Evil <click here>")
    with django_capture_on_commit_callbacks(execute=True):
        assert support_mail_request(comment=comment, user=moderators[0])
        assert not support_mail_request(comment=comment, user=moderators[1])
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["writer@example.org"]
    assert "988" in message.body and "findahelpline.com" in message.body
    # The address was never verified: nothing the writer typed is carried to it.
    assert message.body.startswith("Hello,\n") and "Evil" not in message.body and comment.body not in message.body
    comment.refresh_from_db()
    assert comment.support_sent_by == moderators[0] and comment.support_sent_at is not None
    assert f"Support resources sent for comment {comment.pk}" in caplog.text


def test_data_request_round_trip(client, django_capture_on_commit_callbacks):
    mine = held(email="me@example.org", body="Mine")
    other = held(email="other@example.org", body="Not mine")
    answer_to_mine = Comment.objects.create(
        article=mine.article, parent=mine, name="B", email="b@example.org", body="Reply to mine", status="approved"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("comments:data_request"), {"email": "ME@example.org"})
    assert response.status_code == 200 and "we have sent it a link" in response.content.decode()
    link = next(word for word in mail.outbox[0].body.split() if "/my-comments/" in word)
    path = link.split("127.0.0.1:8000")[-1] if "127.0.0.1:8000" in link else link[link.index("/my-comments/") :]
    page = client.get(path).content.decode()
    assert "Mine" in page and "Not mine" not in page
    assert "Done: 1 comment deleted" in client.post(path).content.decode()
    assert not Comment.objects.filter(pk=mine.pk).exists()
    assert Comment.objects.filter(pk=other.pk).exists()
    assert Comment.objects.get(pk=answer_to_mine.pk).parent is None  # another person's reply survives


def test_data_requests_are_rate_limited_so_nobody_is_mail_bombed(client, django_capture_on_commit_callbacks):
    held(email="target@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("comments:data_request"), {"email": "target@example.org"})
        second = client.post(reverse("comments:data_request"), {"email": "target@example.org"})
    assert (first.status_code, second.status_code) == (200, 429)
    assert len(mail.outbox) == 1
    for n in range(5):
        client.post(reverse("comments:data_request"), {"email": f"other{n}@example.org"})
    assert client.post(reverse("comments:data_request"), {"email": "new@example.org"}).status_code == 429


def test_bulk_approve_leaves_urgent_comments_for_one_at_a_time(moderators):
    urgent = held(urgent=True)
    changelist = reverse("admin:comments_comment_changelist") + "?status__exact=pending"
    page = login("mod1").post(changelist, {"action": "moderate_approve", "_selected_action": [urgent.pk]}, follow=True)
    assert Comment.objects.get(pk=urgent.pk).status == CommentStatus.PENDING
    assert "one at a time" in page.content.decode()


def test_a_failing_mail_server_is_a_message_not_a_500_for_support(
    moderators, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(moderation, "send_mail", broken)
    comment = held(urgent=True)
    with django_capture_on_commit_callbacks(execute=True):
        page = login("mod1").post(
            reverse("admin:comments_comment_support", args=[comment.pk]),
            {"confirm": "1", "note": "Sent resources; no location given."},
            follow=True,
        )
    assert page.status_code == 200 and "they go out in a moment" in page.content.decode()
    comment.refresh_from_db()
    assert comment.support_sent_at is None and comment.support_requested_at is not None  # asked, not sent
    assert comment.moderation_note == "Sent resources; no location given."  # the note is kept
    page = login("mod1").get(reverse("admin:comments_comment_change", args=[comment.pk]))
    assert "not sent yet" in page.content.decode()

    # The mail server is back: the digest sends what was asked for, once.
    monkeypatch.undo()
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    support = [message for message in mail.outbox if message.subject == "Support is available"]
    assert len(support) == 1 and support[0].to == [comment.email]
    comment.refresh_from_db()
    assert comment.support_sent_at is not None


def test_a_later_decision_keeps_the_note_typed_with_the_support_request(moderators, django_capture_on_commit_callbacks):
    comment = held(urgent=True)
    with django_capture_on_commit_callbacks(execute=True):
        support_mail_request(comment=comment, user=moderators[0], note="Sent resources.")
    comment.refresh_from_db()
    comment_moderate(comment=comment, decision="reject", user=moderators[0], note="Not published as it stands.")
    comment.refresh_from_db()
    assert comment.moderation_note == "Sent resources.\nNot published as it stands."


def test_writer_history_matches_addresses_whatever_their_case(moderators):
    article = factories.ArticleFactory(published=True)
    for _ in range(3):
        Comment.objects.create(article=article, name="S", email="Sam@Example.org", body="x", status="spam")
    held(article, email="sam@example.org")
    html = login("mod1").get(reverse("admin:comments_comment_changelist") + "?status__exact=pending").content.decode()
    assert "3 spam" in html


def test_unknown_addresses_get_the_same_answer_and_no_mail(client):
    response = client.post(reverse("comments:data_request"), {"email": "nobody@example.org"})
    assert "we have sent it a link" in response.content.decode()
    assert mail.outbox == []


def test_expired_and_forged_links_are_refused(client, settings):
    held(email="me@example.org")
    forged = signing.dumps("me@example.org", salt="some-other-salt")
    assert client.get(reverse("comments:data", args=[forged])).status_code == 400
    assert client.get(reverse("comments:data", args=["garbage"])).status_code == 400
    settings.COMMENTS_DATA_LINK_MAX_AGE = -1
    token = signing.dumps("me@example.org", salt=data_requests.SALT)
    response = client.post(reverse("comments:data", args=[token]))
    assert response.status_code == 400
    assert Comment.objects.exists()


def test_purge_deletes_old_spam_and_forgets_old_address_hashes():
    old_spam = held(body="spam", minutes_ago=31 * 24 * 60)
    Comment.objects.filter(pk=old_spam.pk).update(status=CommentStatus.SPAM, ip_hash="x" * 64)
    fresh_spam = held(body="fresh spam")
    Comment.objects.filter(pk=fresh_spam.pk).update(status=CommentStatus.SPAM)
    ancient = held(body="kept", minutes_ago=91 * 24 * 60)
    Comment.objects.filter(pk=ancient.pk).update(status=CommentStatus.APPROVED, ip_hash="y" * 64)
    assert comment_purge_expired() == (1, 1)
    assert not Comment.objects.filter(pk=old_spam.pk).exists()
    assert Comment.objects.get(pk=ancient.pk).ip_hash == ""
    assert comment_purge_expired() == (0, 0)
    call_command("purge_comments", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_purge_forgets_browsers_unused_for_a_year():
    year_and_a_day = timezone.now() - timedelta(days=366)
    stale = CommenterKey.objects.create(email_key="a@example.org", key_hash="a" * 64)
    used = CommenterKey.objects.create(email_key="b@example.org", key_hash="b" * 64, last_used_at=timezone.now())
    fresh = CommenterKey.objects.create(email_key="c@example.org", key_hash="c" * 64)
    CommenterKey.objects.filter(pk__in=[stale.pk, used.pk]).update(created_at=year_and_a_day)
    comment_purge_expired()
    assert set(CommenterKey.objects.values_list("pk", flat=True)) == {used.pk, fresh.pk}


def test_the_admin_home_shows_waiting_urgent_and_the_oldest_wait(moderators):
    held(minutes_ago=120)
    held(urgent=True)
    response = login("mod1").get(reverse("admin:index"))
    assert (response.context["comments_waiting"], response.context["comments_urgent"]) == (2, 1)
    assert "the oldest has waited 2" in response.content.decode()


def test_an_urgent_alert_whose_worker_died_mid_send_is_sent_by_the_digest_exactly_once(moderators):
    """The alert was claimed, then the worker was killed before the mail server took it."""
    lost = held(urgent=True)
    Comment.objects.filter(pk=lost.pk).update(alert_claimed_at=timezone.now() - timedelta(minutes=6))
    sending = held(urgent=True, body="Another, being sent right now")
    Comment.objects.filter(pk=sending.pk).update(alert_claimed_at=timezone.now() - timedelta(seconds=20))
    call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    urgent = [message for message in mail.outbox if message.subject.startswith("URGENT")]
    assert len(urgent) == 1 and f"/comment/{lost.pk}/" in urgent[0].body  # the lost one, once
    assert Comment.objects.get(pk=lost.pk).alerted_at is not None
    assert Comment.objects.get(pk=sending.pk).alerted_at is None  # left to the worker sending it


@pytest.mark.django_db(transaction=True)  # real commits: the test's own transaction would hide the write
def test_a_decision_and_its_new_content_version_commit_together(moderators, monkeypatch):
    """Found by review: a rejection committed while the version write failed left readers the old page."""
    from django.db import OperationalError

    from editorial import content_version

    shown = held(body="Shown, then rejected")
    Comment.objects.filter(pk=shown.pk).update(status=CommentStatus.APPROVED)
    shown.refresh_from_db()

    def version_row_locked(**only_if):
        raise OperationalError("canceling statement due to lock timeout")

    monkeypatch.setattr(content_version, "_write", version_row_locked)
    with pytest.raises(OperationalError):
        comment_moderate(comment=shown, decision="reject", user=moderators[0])
    assert Comment.objects.get(pk=shown.pk).status == CommentStatus.APPROVED  # nothing half-done


def test_the_same_words_resent_with_crisis_language_are_alerted_even_after_an_ordinary_alert(
    moderators, client, django_capture_on_commit_callbacks
):
    """Found by review: the first, ordinary alert's claim held the urgent one back for its lease."""
    article = factories.ArticleFactory(published=True)
    with django_capture_on_commit_callbacks(execute=True):
        reply(client, article, body="A question about tapering.")
    with django_capture_on_commit_callbacks(execute=True):
        reply(client, article, body="A question about tapering.", name="I want to kill myself")
    subjects = [message.subject for message in mail.outbox]
    assert subjects[0] == "A reply is waiting" and any(subject.startswith("URGENT") for subject in subjects[1:])


def test_an_unsent_alert_is_retried_days_later_while_the_comment_waits_and_dropped_once_decided(moderators):
    """No time limit, unlike editors' notifications: an alert is only for a comment still waiting, so it is
    still true however late; once someone decided the comment, the digest no longer sends it."""
    waiting, decided = held(urgent=True, body="Still waiting"), held(urgent=True, body="Decided meanwhile")
    comment_moderate(comment=decided, decision="reject", user=moderators[0])
    with time_machine.travel(timezone.now() + timedelta(days=5)):
        call_command("moderation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    urgent = [message for message in mail.outbox if message.subject.startswith("URGENT")]
    assert [f"/comment/{waiting.pk}/" in message.body for message in urgent] == [True]
