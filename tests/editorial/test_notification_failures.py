"""Notifications that cannot be mailed as they are: one bad row never blocks the others, a title that breaks
a mail header is tidied, a row about a removed model is given up cleanly, and a mail outage is retried for
GIVE_UP_AFTER before the row is given up."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from editorial import notifications
from editorial.models import Notification, Revision
from editorial.notifications import GIVE_UP_AFTER, notifications_owed, notifications_send
from editorial.workflow.services import content_approve, content_submit
from tests.editorial.workflow_helpers import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailed(people):
    for username in ("editor", "reviewer", "reviewer2"):
        people[username].email = f"{username}@example.org"
        people[username].save()
    return people


def quietly(command):
    call_command(command, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_a_row_whose_message_fails_is_released_and_the_next_rows_are_sent(mailed, draft, monkeypatch, caplog):
    content_submit(obj=draft, user=mailed["editor"])  # no commit callbacks: nothing sent yet
    first, second = Notification.objects.order_by("pk")
    real = notifications.message

    def broken_for_first(row):
        if row.pk == first.pk:
            raise LookupError("the model is gone")
        return real(row)

    monkeypatch.setattr(notifications, "message", broken_for_first)
    assert notifications_send([first.pk, second.pk]) == 1
    first.refresh_from_db()
    assert first.claimed_at is None and first.attempts == 1 and first.failed_at is not None
    assert "the model is gone" in caplog.text
    assert [m.to for m in mail.outbox] == [[second.recipient.email]]
    monkeypatch.setattr(notifications, "message", real)
    quietly("send_notifications")
    assert len(mail.outbox) == 2


def test_a_title_with_line_breaks_still_makes_a_mail_subject(mailed, draft):
    draft.title = ("Line one\r\nBcc: victim@example.org\nline two " + "long " * 100)[:200]  # the column holds 200
    draft.save()
    content_submit(obj=draft, user=mailed["editor"])
    quietly("send_notifications")
    assert len(mail.outbox) == 2
    subject = mail.outbox[0].subject
    assert "\n" not in subject and "\r" not in subject and len(subject) <= 200
    assert "Line one Bcc: victim@example.org line two" in subject


def test_a_mail_outage_is_retried_until_the_row_is_too_old_then_given_up(mailed, draft, caplog):
    content_submit(obj=draft, user=mailed["editor"])
    Notification.objects.update(attempts=50)  # many failed tries: still owed while young
    assert notifications_owed().count() == 2
    Notification.objects.update(created_at=timezone.now() - GIVE_UP_AFTER - timedelta(minutes=1))
    quietly("send_notifications")
    assert mail.outbox == []
    assert "given up" in caplog.text
    assert notifications_owed().count() == 0


def test_a_failing_recipient_lookup_never_fails_the_approval(mailed, draft, monkeypatch, caplog):
    content_submit(obj=draft, user=mailed["editor"])

    def broken(obj):
        raise DatabaseError("lookup failed")

    monkeypatch.setattr(notifications, "item_people", broken)
    approved = content_approve(obj=draft, user=mailed["reviewer"])
    approved.refresh_from_db()
    assert approved.status == "published"
    assert "could not be recorded" in caplog.text


@pytest.fixture
def removed_model_row(mailed, draft):
    gone = ContentType.objects.create(app_label="removed", model="oldthing")
    content_submit(obj=draft, user=mailed["editor"])
    Notification.objects.update(content_type=gone)
    return gone, Notification.objects.get(recipient=mailed["reviewer"])


def test_a_notification_about_a_removed_model_is_a_404_not_a_500(removed_model_row):
    _gone, row = removed_model_row
    client = login("reviewer")
    response = client.post(reverse("admin:editorial_notification_open", args=[row.pk]))
    assert response.status_code == 404
    quietly("send_notifications")  # its mail fails, released, never a crash


def test_a_revision_of_a_removed_model_has_a_placeholder_title(removed_model_row, mailed):
    gone, _row = removed_model_row
    revision = Revision.objects.create(content_type=gone, object_id=1, author=mailed["editor"], data={})
    assert str(revision) == "Proposed change to a removed item"
    client = login("reviewer")
    assert client.get(reverse("admin:editorial_revision_changelist")).status_code == 200
