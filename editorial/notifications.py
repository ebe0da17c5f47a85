"""Telling people about workflow steps: a Notification row per recipient (the admin list), then a mail.

The same rules as the moderators' alerts: rows are written in the step's transaction; the mail goes after it
commits and after the response (after_response.py), so a mail server never delays or fails the step. A send
that fails is recorded (`failed_at`, `attempts`) and left unsent; `manage.py send_notifications` (cron)
retries it. Each mail is claimed before it is sent, so the retry and a late after-response send never both
send it. The workflow services (workflow/services.py) call `notify_transition` and `notify_revision`.
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
from .models import Notification, NotificationEvent, TransitionLog
from .roles import REVIEWER

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)  # a claim older than this, with no mail sent, was lost (its worker died)
MAX_ATTEMPTS = 10  # after this many failed sends the retry gives up (logged as an error)
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
    NotificationEvent.REVISION_PUBLISHED: _lazy("%(who)s published your proposed revision of “%(title)s” (%(kind)s)."),
    NotificationEvent.REVISION_WITHDRAWN: _lazy("%(who)s withdrew your proposed revision of “%(title)s” (%(kind)s)."),
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
    reviewers = event == NotificationEvent.SUBMITTED
    recipients = Q(groups__name=REVIEWER) if reviewers else Q(pk__in=item_people(obj))
    _notify(obj=obj, event=event, recipients=recipients, actor=user, note=note)


def notify_revision(*, revision, live, user, published: bool, note: str = "") -> None:
    """A proposed revision was published or withdrawn: its proposer hears of it, unless they did it."""
    event = NotificationEvent.REVISION_PUBLISHED if published else NotificationEvent.REVISION_WITHDRAWN
    _notify(obj=live, event=event, recipients=Q(pk=revision.author_id), actor=user, note=note, revision=revision)


def _notify(*, obj, event, recipients: Q, actor, note: str, revision=None) -> None:
    """Write the rows (a savepoint: a failure here is logged and never undoes the step), mail them later."""
    try:
        with transaction.atomic():
            users = get_user_model().objects.filter(recipients, is_active=True).exclude(pk=actor.pk).distinct()
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
                for person in users.only("pk", "email")
            )
    except Exception:
        logger.exception("Notifications of %s on %s could not be recorded", event, obj)
        return
    ids = [row.pk for row in rows if row.by_mail]
    if ids:
        after_response(lambda: notifications_send(ids))


def target_url(notification: Notification) -> str:
    """The admin page the notification is about: the item, or the revision that was withdrawn."""
    if notification.event == NotificationEvent.REVISION_WITHDRAWN and notification.revision_id:
        return reverse("admin:editorial_revision_change", args=[notification.revision_id])
    opts = ContentType.objects.get_for_id(notification.content_type_id).model_class()._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[notification.object_id])


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
    return f"Kratom Info: {what}", "\n".join(lines)


def notifications_send(ids) -> int:
    """Mail the given notifications that are still owed; the number sent. Never raises."""
    sent = 0
    try:
        with get_connection() as connection:
            for pk in ids:
                sent += notification_send(pk, connection=connection)
    except Exception:  # opening or closing the connection failed: what was not marked sent is retried
        logger.exception("Notification mails could not be sent; send_notifications will retry")
    return sent


def notification_send(pk: int, *, connection=None) -> bool:
    """Claim one notification, mail it, mark it sent; True when sent. A failure is recorded, not raised."""
    now = timezone.now()
    owed = Notification.objects.filter(pk=pk, sent_at=None, by_mail=True, attempts__lt=MAX_ATTEMPTS)
    if not owed.filter(Q(claimed_at=None) | Q(claimed_at__lt=now - LEASE)).update(claimed_at=now):
        return False  # sent already, being sent, or not to be mailed
    row = Notification.objects.select_related("recipient", "actor").get(pk=pk)
    if not (row.recipient.is_active and row.recipient.email):
        Notification.objects.filter(pk=pk).update(by_mail=False, claimed_at=None)
        return False
    subject, body = message(row)
    try:
        EmailMessage(subject, body, None, [row.recipient.email], connection=connection).send()
    except Exception:
        Notification.objects.filter(pk=pk).update(claimed_at=None, failed_at=timezone.now(), attempts=F("attempts") + 1)
        if row.attempts + 1 >= MAX_ATTEMPTS:
            logger.exception("Notification %s could not be mailed %s times: no more tries", pk, MAX_ATTEMPTS)
        else:
            logger.exception("Notification %s could not be mailed; send_notifications will retry", pk)
        return False
    Notification.objects.filter(pk=pk).update(sent_at=timezone.now())
    return True


def notifications_owed():
    """Notifications to mail that are not sent: failed, lost, or never tried."""
    return Notification.objects.filter(sent_at=None, by_mail=True, attempts__lt=MAX_ATTEMPTS).order_by("pk")
