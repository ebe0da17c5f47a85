"""Workflow notifications: who is told what, by mail after the step commits, and in the admin; a mail server
that fails never fails the step, and `send_notifications` sends what it owes later."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from editorial.models import Notification, NotificationEvent, Status
from editorial.roles import REVIEWER
from editorial.workflow.revisions import snapshot
from editorial.workflow.services import (
    content_schedule,
    content_submit,
    content_transition,
    revision_propose,
    revision_publish,
    revision_withdraw,
)
from tests import factories
from tests.editorial.workflow_helpers import login, transition_url

pytestmark = pytest.mark.django_db
SITE = "https://kratom.example"
FAILING = "tests.editorial.test_notifications.FailingBackend"


class FailingBackend:
    """A mail server that refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return None

    def close(self):
        return None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


@override_settings(SITE_URL=SITE)
def test_a_submission_is_mailed_to_every_reviewer_after_commit(
    mailed, draft, django_capture_on_commit_callbacks, django_user_model
):
    gone = django_user_model.objects.create_user("gone", "gone@example.org", is_staff=True, is_active=False)
    gone.groups.add(Group.objects.get(name=REVIEWER))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        content_submit(obj=draft, user=mailed["editor"], note="Please check the dosage section.")
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mail.outbox) == ["reviewer2@example.org", "reviewer@example.org"]
    message = to("reviewer@example.org")[0]
    assert "Editor Example submitted “Draft article” (article) for review." in message.body
    assert "Please check the dosage section." in message.body
    assert f"{SITE}/admin/articles/article/{draft.pk}/change/" in message.body
    assert "Draft article" in message.subject
    assert set(Notification.objects.values_list("recipient__username", flat=True)) == {"reviewer", "reviewer2"}
    assert not Notification.objects.filter(sent_at=None).exists()


def test_a_reviewer_who_submits_is_not_told_of_their_own_submission(mailed, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        content_submit(obj=draft, user=mailed["reviewer"])
    assert [m.to for m in mail.outbox] == [["reviewer2@example.org"]]


def test_a_return_with_a_note_reaches_the_author_and_the_submitter(
    mailed, draft, django_capture_on_commit_callbacks, django_user_model
):
    other = django_user_model.objects.create_user("sam", "sam@example.org", is_staff=True)
    other.groups.add(Group.objects.get(name="Editor"))
    content_submit(obj=draft, user=other)  # another editor sent the editor's article
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        content_transition(obj=draft, name="return", user=mailed["reviewer"], note="Source 2 does not say this.")
    assert sorted(m.to[0] for m in mail.outbox) == ["editor@example.org", "sam@example.org"]
    assert "returned “Draft article” (article) to draft" in mail.outbox[0].body
    assert "Source 2 does not say this." in mail.outbox[0].body


def test_approval_and_scheduling_tell_the_author(mailed, draft, django_capture_on_commit_callbacks):
    content_submit(obj=draft, user=mailed["editor"])
    mail.outbox.clear()
    when = timezone.now() + timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        content_schedule(obj=draft, user=mailed["reviewer"], when=when, note="Fine.")
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    assert "Reviewer Example approved “Draft article” (article) to go live on" in mail.outbox[0].body
    assert Notification.objects.get(recipient=mailed["editor"]).event == NotificationEvent.SCHEDULED


def test_the_author_hears_of_a_publication(mailed, live, django_capture_on_commit_callbacks):
    assert Notification.objects.filter(recipient=mailed["editor"], event=NotificationEvent.PUBLISHED).exists()


def test_a_proposer_hears_when_someone_else_publishes_or_withdraws_their_revision(
    mailed, live, django_capture_on_commit_callbacks
):
    first = revision_propose(obj=live, data={"fields": {"summary": "New."}}, user=mailed["editor"])
    second = revision_propose(obj=live, data={"fields": {"title": "No."}}, user=mailed["editor"])
    mine = revision_propose(obj=live, data={"fields": {"title": "Mine."}}, user=mailed["reviewer"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        revision_publish(revision=first, user=mailed["reviewer2"], note="Thanks.")
        revision_withdraw(revision=second, user=mailed["reviewer"])
        revision_withdraw(revision=mine, user=mailed["reviewer"])  # their own: nobody to tell
    bodies = [m.body for m in to("editor@example.org")]
    assert len(mail.outbox) == 2 and len(bodies) == 2
    assert "Reviewer2 Example published your proposed revision of “Draft article”" in bodies[0]
    assert "Thanks." in bodies[0]
    assert "Reviewer Example withdrew your proposed revision of “Draft article”" in bodies[1]
    assert f"/admin/editorial/revision/{second.pk}/change/" in bodies[1]


def test_no_mail_to_a_recipient_without_an_address_but_a_notice_in_the_admin(
    mailed, draft, django_capture_on_commit_callbacks
):
    mailed["reviewer2"].email = ""
    mailed["reviewer2"].save()
    with django_capture_on_commit_callbacks(execute=True):
        content_submit(obj=draft, user=mailed["editor"])
    assert [m.to for m in mail.outbox] == [["reviewer@example.org"]]
    assert Notification.objects.get(recipient=mailed["reviewer2"]).by_mail is False
    call_command("send_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_never_fails_the_step_and_the_retry_sends_later(
    mailed, draft, django_capture_on_commit_callbacks, caplog
):
    with override_settings(EMAIL_BACKEND=FAILING), django_capture_on_commit_callbacks(execute=True):
        submitted = content_submit(obj=draft, user=mailed["editor"])
    assert submitted.status == Status.IN_REVIEW
    rows = Notification.objects.all()
    assert rows.count() == 2 and all(row.sent_at is None and row.attempts == 1 for row in rows)
    assert "will retry" in caplog.text
    call_command("send_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(m.to[0] for m in mail.outbox) == ["reviewer2@example.org", "reviewer@example.org"]
    assert not Notification.objects.filter(sent_at=None).exists()
    call_command("send_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2  # each once


def test_a_failure_recording_notifications_never_undoes_the_step(mailed, draft, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(Notification.objects, "bulk_create", broken)
    assert content_submit(obj=draft, user=mailed["editor"]).status == Status.IN_REVIEW
    assert "could not be recorded" in caplog.text


def test_the_admins_buttons_notify_through_the_services_after_the_response(
    mailed, draft, django_capture_on_commit_callbacks
):
    client = login("editor")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(transition_url(draft, "submit"), {"note": "Ready for you"})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["reviewer2@example.org", "reviewer@example.org"]
    assert "Ready for you" in mail.outbox[0].body


@override_settings(SITE_URL=SITE)
def test_a_proposed_change_is_mailed_to_every_reviewer_but_its_proposer(
    mailed, live, django_capture_on_commit_callbacks
):
    live.body = "Claim, corrected [@fda]."
    with django_capture_on_commit_callbacks(execute=True):
        revision = revision_propose(obj=live, data=snapshot(live), user=mailed["reviewer"], note="Fixed the claim")
    assert [m.to for m in mail.outbox] == [["reviewer2@example.org"]]
    body = mail.outbox[0].body
    assert "Fixed the claim" in body and "Draft article" in body
    assert f"{SITE}/admin/editorial/revision/{revision.pk}/change/" in body
    notice = Notification.objects.get(event=NotificationEvent.REVISION_PROPOSED)
    assert (notice.recipient, notice.revision) == (mailed["reviewer2"], revision)


def test_an_authors_account_that_cannot_open_the_item_is_not_told(mailed, draft, django_capture_on_commit_callbacks):
    """The author's linked account is a moderator's: the reviewer's note on returning it goes to the editor who
    submitted it, not to someone who cannot open the item."""
    mailed["moderator"].email = "moderator@example.org"
    mailed["moderator"].save()
    draft.author = factories.ContributorFactory(name="Mod Writer", slug="mod-writer", user=mailed["moderator"])
    draft.save()
    content_submit(obj=draft, user=mailed["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        content_transition(obj=draft, name="return", user=mailed["reviewer"], note="Unpublished reasoning.")
    told = set(
        Notification.objects.filter(event=NotificationEvent.RETURNED).values_list("recipient__username", flat=True)
    )
    assert told == {"editor"}
    assert [m for m in mail.outbox if "moderator@example.org" in m.to] == []
