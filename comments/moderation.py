"""The moderators' side: decisions, alerts, support resources, data requests, purges."""

import logging
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Case, F, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial.after_response import after_response
from editorial.content_version import content_changed
from editorial.roles import MODERATOR

from . import identity
from .models import Comment, CommenterKey, CommentStatus

logger = logging.getLogger(__name__)

# An alert claimed longer ago than this and not marked sent is taken to be lost (its worker died): resent.
ALERT_LEASE = timedelta(seconds=settings.COMMENTS_ALERT_LEASE_SECONDS)
SUPPORT_RETRY = timedelta(minutes=10)  # a request not sent by then may be made again (or the digest retries it)

DECISIONS = {
    "approve": CommentStatus.APPROVED,
    "reject": CommentStatus.REJECTED,
    "spam": CommentStatus.SPAM,
}

# Nothing the writer typed (not even their name) goes into this mail: the address was never verified.
SUPPORT_MESSAGE = """Hello,

Thank you for writing on Kratom Info. A member of our team read your comment, and we wanted
to make sure you know where to find support.

If you are thinking about ending your life, or you do not feel safe right now, please reach out today:

- In the US, call or text 988 (the Suicide and Crisis Lifeline), at any hour: https://988lifeline.org/
- Anywhere else, find a free, confidential helpline in your country: https://findahelpline.com/
- If you are in danger now, call your local emergency number.

You can also talk to your doctor, a pharmacist or a mental health service. You deserve support.

We are a small information site, not a health service, so we cannot give medical advice by e-mail.

Kratom Info
"""


class SupportMail(NamedTuple):
    """One support mail, as the moderator previews it and as it is sent."""

    subject: str
    body: str
    from_email: str
    to: list[str]


def support_mail(address: str) -> SupportMail:
    """The reviewed support mail to `address`: the preview shows it, support_mail_send sends it."""
    return SupportMail(_("Support is available"), SUPPORT_MESSAGE, settings.DEFAULT_FROM_EMAIL, [address])


class AlreadyHandledError(Exception):
    """Another moderator decided on this comment first."""


def comment_moderate(*, comment: Comment, decision: str, user, note: str = "") -> Comment:
    """Approve, reject or mark spam, if the comment is still as the moderator saw it."""
    with transaction.atomic():  # the decision and the new content version commit together, or neither
        return _decide(comment=comment, status=DECISIONS[decision], user=user, note=note)


def _decide(*, comment: Comment, status: str, user, note: str) -> Comment:
    if status == CommentStatus.SPAM and comment.is_urgent:
        raise ValueError(_("A comment with crisis language is never marked as spam; reject it instead."))
    # Conditional update: a second moderator acting on the same comment changes nothing.
    updated = Comment.objects.filter(pk=comment.pk, status=comment.status).update(
        status=status, moderated_by=user, moderated_at=timezone.now(), moderation_note=_noted(note)
    )
    if not updated:
        raise AlreadyHandledError(_("Someone else handled this comment already."))
    comment.refresh_from_db()
    if status == CommentStatus.APPROVED:
        identity.confirmation_offer(comment)
    else:  # whoever wrote this, no browser is trusted for the address until a moderator approves again
        identity.browser_forget_all(comment.email)
    content_changed()  # .update() sends no signal; approving or removing changes the article page
    return comment


def _noted(note: str):
    """The moderation note with `note` added on a line of its own: earlier notes (what was done) are kept."""
    if not note:
        return F("moderation_note")
    text = TextField()
    return Case(
        When(moderation_note="", then=Value(note, output_field=text)),
        default=Concat(F("moderation_note"), Value("\n" + note, output_field=text), output_field=text),
        output_field=text,
    )


def moderator_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=MODERATOR).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def queue_url(comment: Comment | None = None) -> str:
    if comment is None:
        return settings.SITE_URL + reverse("admin:comments_comment_changelist")
    return settings.SITE_URL + reverse("admin:comments_comment_change", args=[comment.pk])


def moderator_alert_send(comment_id: int) -> bool:
    """Mail moderators about one held comment; True when sent. Never raises: the writer must not see it.

    At least once: the alert is claimed for ALERT_LEASE (so an after-response alert and a digest run do not
    both send it) and marked sent only after the mail server took it. A worker that dies in between leaves
    the claim to expire, and moderation_digest sends the alert then."""
    now = timezone.now()
    try:
        recipients = moderator_emails()
        claimable = Comment.objects.filter(pk=comment_id, status=CommentStatus.PENDING, alerted_at=None).filter(
            Q(alert_claimed_at=None) | Q(alert_claimed_at__lt=now - ALERT_LEASE)
        )
        if not recipients or not claimable.update(alert_claimed_at=now):
            if not recipients:
                logger.error("No active moderator has an e-mail address: comment %s was not alerted", comment_id)
            return False
        comment = Comment.objects.select_related("article").get(pk=comment_id)
    except Exception:
        logger.exception("Moderator alert for comment %s could not be prepared", comment_id)
        return False
    subject = _("URGENT: a reply may be a cry for help") if comment.is_urgent else _("A reply is waiting")
    body = _("%(name)s on “%(article)s”. Hold reasons: %(reasons)s.\n\nOpen it: %(url)s") % {
        "name": comment.name,
        "article": comment.article.title,
        "reasons": "; ".join(comment.hold_reasons) or "-",
        "url": queue_url(comment),
    }
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # a mail server failure: logged, released for moderation_digest to retry
        Comment.objects.filter(pk=comment_id).update(alert_claimed_at=None)
        logger.exception("Moderator alert for comment %s failed; moderation_digest will retry", comment_id)
        return False
    Comment.objects.filter(pk=comment_id).update(alerted_at=timezone.now())
    return True


def moderator_alert_schedule(comment: Comment) -> None:
    """After the comment is committed and the writer answered, tell moderators: urgent ones always,
    others when alerts are per comment. (The writer's page never waits on, or times, a mail server.)"""
    if comment.status == CommentStatus.PENDING and (comment.is_urgent or settings.COMMENTS_ALERTS == "each"):
        after_response(lambda: moderator_alert_send(comment.pk))


def support_mail_request(*, comment: Comment, user, note: str = "") -> bool:
    """Ask for the reviewed support message to be mailed to the writer, once per comment; False if it
    was sent already or asked for in the last few minutes. Who asked, when and their note are recorded
    (support_sent_by, support_requested_at, support_note; the note joins the moderation note too).

    The mail goes after the moderator's page is sent. `support_sent_at` is set only once it has gone;
    what was asked for and did not go (a mail server down, a worker stopped) is retried by
    moderation_digest, and the moderator may ask again after SUPPORT_RETRY. A writer with no address
    cannot be mailed: False, and nothing is recorded."""
    if not has_address(comment):
        return False
    now = timezone.now()
    claimed = (
        Comment.objects.filter(pk=comment.pk, support_sent_at=None)
        .filter(Q(support_requested_at=None) | Q(support_requested_at__lt=now - SUPPORT_RETRY))
        .update(
            support_requested_at=now,
            support_sent_by=user,
            support_note=note or F("support_note"),  # asked again without a note: the first one stands
            moderation_note=_noted(note),
        )
    )
    if not claimed:
        return False
    after_response(lambda: support_mail_send(comment.pk))
    return True


def support_mail_send(comment_id: int) -> bool:
    """Send a requested support mail that has not gone yet; True when sent. Never raises.

    At least once, as the moderators' alerts: the send is claimed for ALERT_LEASE (so the after-response
    send and a digest run never both send it), and `support_sent_at` is set only once the mail server took
    it. A worker killed in between leaves the claim to expire; moderation_digest sends it then."""
    now = timezone.now()
    claimable = (
        Comment.objects.filter(pk=comment_id, support_sent_at=None)
        .exclude(support_requested_at=None)
        .filter(Q(support_claimed_at=None) | Q(support_claimed_at__lt=now - ALERT_LEASE))
    )
    if not claimable.update(support_claimed_at=now):
        return False  # sent already, or being sent by another worker
    address = Comment.objects.filter(pk=comment_id).values_list("email", flat=True).first()
    try:
        if not send_mail(*support_mail(address)):  # no recipient accepted it, though nothing was raised
            raise RuntimeError("the mail server accepted no recipient")
    except Exception:
        Comment.objects.filter(pk=comment_id).update(support_claimed_at=None)
        logger.exception("Support resources for comment %s could not be sent; moderation_digest retries", comment_id)
        return False
    Comment.objects.filter(pk=comment_id).update(support_sent_at=timezone.now())
    logger.info("Support resources sent for comment %s", comment_id)
    return True


def has_address(comment: Comment) -> bool:
    """Whether the writer left an address a mail can go to (a WordPress import may have none)."""
    try:
        validate_email(comment.email)
    except ValidationError:
        return False
    return True


def comment_purge_expired(*, now=None) -> tuple[int, int]:
    """Delete spam and rejected comments older than 30 days; forget address hashes older than 90 days and
    browsers confirmed but unused for a year."""
    now = now or timezone.now()
    expired = Comment.objects.filter(
        status__in=[CommentStatus.SPAM, CommentStatus.REJECTED], created_at__lt=now - timedelta(days=30)
    )
    deleted = expired.count()
    expired.delete()  # replies to them survive: their parent link is cleared
    old = Comment.objects.filter(created_at__lt=now - timedelta(days=90)).exclude(ip_hash="", user_agent="")
    cleared = old.update(ip_hash="", user_agent="")
    # A confirmed browser not used for a year is forgotten (its cookie has expired by then too).
    year_ago = now - timedelta(days=365)
    CommenterKey.objects.filter(created_at__lt=year_ago).filter(
        Q(last_used_at=None) | Q(last_used_at__lt=year_ago)
    ).delete()
    return deleted, cleared
