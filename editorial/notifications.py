"""Telling people about workflow steps: a Notification row per recipient (the admin list), then a mail.

The same rules as the moderators' alerts: rows are written in the step's transaction; the mail goes after it
commits and after the response (after_response.py), so a mail server never delays or fails the step. A send
that fails is recorded (`failed_at`, `attempts`) and left unsent; `manage.py send_notifications` (cron)
retries it until it is GIVE_UP_AFTER old, then gives it up (logged as an error). Each mail is claimed
before it is sent, so the retry and a late after-response send never both send it. The workflow services
(workflow/services.py) call `notify_transition`, `notify_revision` and `notify_proposal`; notes (notes.py)
call `notify_note`.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .after_response import after_response
from .models import ItemNote, Notification, NotificationEvent, TransitionLog
from .roles import REVIEWER, may_open, may_work_on

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)  # a claim older than this, with no mail sent, was lost (its worker died)
# A mail still unsent this long after its step is given up (logged as an error): long enough to outlast a
# mail server's outage over a weekend day, short enough that a stale "submitted" mail is not sent days late.
GIVE_UP_AFTER = timedelta(days=2)
SUBJECT_LENGTH = 150  # a mail subject longer than this is cut (a title can be 200 characters)
EVENTS = {
    "submit": NotificationEvent.SUBMITTED,
    "return": NotificationEvent.RETURNED,
    "publish": NotificationEvent.PUBLISHED,
    "schedule": NotificationEvent.SCHEDULED,
}
PHRASES = {
    NotificationEvent.SUBMITTED: _lazy("%(who)s submitted “%(title)s” (%(kind)s) for review."),
    NotificationEvent.RETURNED: _lazy("%(who)s returned “%(title)s” (%(kind)s) to draft."),
    NotificationEvent.PUBLISHED: _lazy("%(who)s approved and published “%(title)s” (%(kind)s)."),
    NotificationEvent.SCHEDULED: _lazy("%(who)s approved “%(title)s” (%(kind)s) to go live on %(when)s."),
    NotificationEvent.REVISION_PROPOSED: _lazy("%(who)s proposed changes to “%(title)s” (%(kind)s) for review."),
    NotificationEvent.REVISION_PUBLISHED: _lazy("%(who)s published your proposed revision of “%(title)s” (%(kind)s)."),
    NotificationEvent.REVISION_WITHDRAWN: _lazy("%(who)s withdrew your proposed revision of “%(title)s” (%(kind)s)."),
    NotificationEvent.NOTE_ADDED: _lazy("%(who)s left a note on “%(title)s” (%(kind)s)."),
}


def display_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else _("Someone")


def item_people(obj) -> set[int]:
    """Whose item it is: its author's user account and whoever last submitted it."""
    people = {obj.author.user_id} if obj.author_id and obj.author.user_id else set()
    submitter = (
        TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, transition="submit"
        )
        .order_by("-created_at", "-pk")
        .values_list("user_id", flat=True)
        .first()
    )
    return people | ({submitter} if submitter else set())


def notify_transition(*, obj, name: str, user, note: str = "") -> None:
    """After an item's step (content_transition): reviewers hear of a submission, its people of the rest."""
    if (event := EVENTS.get(name)) is None:
        return
    if event == NotificationEvent.SUBMITTED:
        _notify(obj=obj, event=event, recipients=lambda: Q(groups__name=REVIEWER), actor=user, note=note)
    else:
        _notify(obj=obj, event=event, recipients=lambda: Q(pk__in=item_people(obj)), actor=user, note=note)


def notify_revision(*, revision, live, user, published: bool, note: str = "") -> None:
    """A proposed revision was published or withdrawn: its proposer hears of it, unless they did it."""
    event = NotificationEvent.REVISION_PUBLISHED if published else NotificationEvent.REVISION_WITHDRAWN
    _notify(
        obj=live, event=event, recipients=lambda: Q(pk=revision.author_id), actor=user, note=note, revision=revision
    )


def notify_proposal(*, revision, live, user, note: str = "") -> None:
    """Changes to a live item were proposed: every medical reviewer but the proposer hears of it."""
    _notify(
        obj=live,
        event=NotificationEvent.REVISION_PROPOSED,
        recipients=lambda: Q(groups__name=REVIEWER),
        actor=user,
        note=note,
        revision=revision,
    )


def notify_note(*, note: ItemNote, obj) -> None:
    """A note was left on an item: its people and whoever wrote an earlier note still open on it hear of it."""

    def recipients():
        earlier = obj.notes.filter(resolved_at=None).exclude(pk=note.pk).values("author_id")
        return Q(pk__in=item_people(obj)) | Q(pk__in=earlier)

    text = _("On “%(quote)s”:\n%(note)s") % {"quote": note.quote, "note": note.body} if note.quote else note.body
    _notify(
        obj=obj,
        event=NotificationEvent.NOTE_ADDED,
        recipients=recipients,
        actor=note.author,
        note=text,
        may_receive=may_work_on,  # the notes are for editors and medical reviewers only
    )


def _notify(*, obj, event, recipients, actor, note: str, revision=None, may_receive=may_open) -> None:
    """Write the rows (a savepoint: a failure here is logged and never undoes the step), mail them later.
    `recipients` returns a Q on users; it is called inside the savepoint, so a failing lookup never fails the step.
    Of those, only people who `may_receive` it about `obj` (may open it, by default) are told."""
    try:
        with transaction.atomic():
            candidates = get_user_model().objects.filter(recipients(), is_active=True).exclude(pk=actor.pk).distinct()
            users = [person for person in candidates if may_receive(person, obj)]
            rows = Notification.objects.bulk_create(
                Notification(
                    recipient=person,
                    event=event,
                    actor=actor,
                    content_type=ContentType.objects.get_for_model(obj),
                    object_id=obj.pk,
                    revision=revision,
                    title=obj.title[:200],
                    note=note,
                    by_mail=bool(person.email),
                )
                for person in users
            )
    except Exception:
        logger.exception("Notifications of %s on %s could not be recorded", event, obj)
        return
    ids = [row.pk for row in rows if row.by_mail]
    if ids:
        after_response(lambda: notifications_send(ids))


def target_url(notification: Notification) -> str:
    """The admin page the notification is about: the item (its notes, for a note), or the revision proposed or
    withdrawn."""
    on_revision = (NotificationEvent.REVISION_PROPOSED, NotificationEvent.REVISION_WITHDRAWN)
    if notification.event in on_revision and notification.revision_id:
        return reverse("admin:editorial_revision_change", args=[notification.revision_id])
    model = ContentType.objects.get_for_id(notification.content_type_id).model_class()
    if model is None:  # its app or model was removed since
        raise LookupError(f"notification {notification.pk} is about a removed model")
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[notification.object_id])
    return f"{url}#item-notes" if notification.event == NotificationEvent.NOTE_ADDED else url


def message(notification: Notification) -> tuple[str, str]:
    """The mail's subject and plain-text body: the title, who did what, the note, an absolute admin link."""
    when = ""
    if notification.event == NotificationEvent.SCHEDULED and notification.content_object is not None:
        when = f"{timezone.localtime(notification.content_object.published_at):%d %B %Y %H:%M}"
    what = PHRASES[notification.event] % {
        "who": display_name(notification.actor),
        "title": notification.title,
        "kind": ContentType.objects.get_for_id(notification.content_type_id).name,
        "when": when,
    }
    lines = [what, ""]
    if notification.note:
        lines += [_("Their note:"), notification.note, ""]
    lines += [_("Open it: %(url)s") % {"url": settings.SITE_URL + target_url(notification)}, "", "Kratom Info"]
    subject = " ".join(f"Kratom Info: {what}".split())  # no line break (a header injection) in a title
    if len(subject) > SUBJECT_LENGTH:
        subject = subject[: SUBJECT_LENGTH - 1].rstrip() + "…"
    return subject, "\n".join(lines)


def notifications_send(ids) -> int:
    """Mail the given notifications that are still owed; the number sent. Never raises."""
    try:
        connection = get_connection()
        connection.open()
    except Exception:  # the mail server is unreachable: nothing was claimed, everything is retried
        logger.exception("Notification mails could not be sent; send_notifications will retry")
        return 0
    try:
        return sum(notification_send(pk, connection=connection) for pk in ids)
    finally:
        try:
            connection.close()
        except Exception:
            logger.exception("Closing the mail connection failed")


def notification_send(pk: int, *, connection=None) -> bool:
    """Claim one notification, mail it, mark it sent; True when sent. Never raises: whatever fails after the
    claim releases it and counts as a failed try (logged), so one bad row never blocks the others."""
    now = timezone.now()
    try:
        claimed = notifications_owed(now).filter(pk=pk).filter(Q(claimed_at=None) | Q(claimed_at__lt=now - LEASE))
        if not claimed.update(claimed_at=now):
            return False  # sent already, being sent, given up, or not to be mailed
    except Exception:
        logger.exception("Notification %s could not be claimed; send_notifications will retry", pk)
        return False
    try:
        row = Notification.objects.select_related("recipient", "actor").get(pk=pk)
        if not (row.recipient.is_active and row.recipient.email):
            Notification.objects.filter(pk=pk).update(by_mail=False, claimed_at=None)
            return False
        subject, body = message(row)
        EmailMessage(subject, body, None, [row.recipient.email], connection=connection).send()
        Notification.objects.filter(pk=pk).update(sent_at=timezone.now())
        return True
    except Exception:
        logger.exception("Notification %s could not be mailed; send_notifications will retry", pk)
        try:
            failed = Notification.objects.filter(pk=pk)
            failed.update(claimed_at=None, failed_at=timezone.now(), attempts=F("attempts") + 1)
        except Exception:
            logger.exception("Notification %s: its failed send could not be recorded", pk)
        return False


def notifications_owed(now=None):
    """Notifications to mail that are not sent (failed, lost, or never tried) and not yet given up."""
    since = (now or timezone.now()) - GIVE_UP_AFTER
    return Notification.objects.filter(sent_at=None, by_mail=True, created_at__gte=since).order_by("pk")


def notifications_give_up(now=None) -> int:
    """Stop retrying mails older than GIVE_UP_AFTER: logged as an error, then no longer mailed."""
    since = (now or timezone.now()) - GIVE_UP_AFTER
    expired = Notification.objects.filter(sent_at=None, by_mail=True, created_at__lt=since)
    pks = list(expired.values_list("pk", flat=True))
    if pks:
        logger.error("Notification mails %s unsent after %s: given up (still listed in the admin)", pks, GIVE_UP_AFTER)
        Notification.objects.filter(pk__in=pks).update(by_mail=False, claimed_at=None)
    return len(pks)
