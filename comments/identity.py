"""Who wrote a reply, as far as we can tell: addresses compared as one, and browsers a writer confirmed.

A typed e-mail address proves nothing: anyone can type anyone's. So a writer's replies are published
without a moderator only from a browser they confirmed through a link we mailed to their address
after a moderator approved one of their replies. The link's page sets a random key in a cookie; we
keep only its hash, tied to the normalised address. A reply from that browser with that address is a
"verified returning commenter"; the same address typed anywhere else is held like a first comment.
Rejecting or marking spam any reply from the address, or deleting its data, forgets its browsers.
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial.after_response import after_response

from .addresses import email_key
from .models import Comment, CommenterKey

logger = logging.getLogger(__name__)

COOKIE = "commenter"
COOKIE_PATH = "/articles/"  # the reply pages (/articles/<slug>/reply/); no other page is sent the key
CONFIRM_SALT = "comments.confirm-browser"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def is_verified(request, email: str) -> bool:
    """Whether this browser was confirmed, by a link mailed to this address, for replies under it."""
    key = request.COOKIES.get(COOKIE, "")
    if not key or len(key) > 100:
        return False
    return (
        CommenterKey.objects.filter(key_hash=_hash(key), email_key=email_key(email)).update(last_used_at=timezone.now())
        == 1
    )


def browser_confirm(response, comment: Comment) -> bool:
    """Remember the browser that opened this comment's confirmation link; False if the link was used or
    cancelled meanwhile (a link works once: it cannot bring back browsers a moderator's decision forgot)."""
    used = Comment.objects.filter(
        pk=comment.pk, confirmation_sent_at=comment.confirmation_sent_at, confirmation_used_at=None
    ).update(confirmation_used_at=timezone.now())
    if not used:
        return False
    key = secrets.token_urlsafe(32)
    CommenterKey.objects.create(email_key=comment.email_key, key_hash=_hash(key))
    response.set_cookie(
        COOKIE,
        key,
        max_age=365 * 24 * 60 * 60,
        path=COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return True


def browser_forget_all(address: str) -> int:
    """Forget every browser confirmed for this address, and cancel its unused links; its next reply is
    held like a first one."""
    key = email_key(address)
    Comment.objects.filter(email_key=key, confirmation_used_at=None).exclude(confirmation_sent_at=None).update(
        confirmation_used_at=timezone.now()
    )
    deleted, _detail = CommenterKey.objects.filter(email_key=key).delete()
    return deleted


def confirmation_link(comment: Comment) -> str:
    """The link mailed for this comment: it names the comment and the offer, so a later offer or a
    cancellation makes it stale."""
    offered = comment.confirmation_sent_at.isoformat() if comment.confirmation_sent_at else ""
    token = signing.dumps({"c": comment.pk, "s": offered}, salt=CONFIRM_SALT)
    return settings.SITE_URL + reverse("comments:confirm", args=[token])


def comment_from_token(token: str) -> Comment | None:
    """The approved comment a confirmation link was sent for, if the link is valid, unused and current."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("c"), int) or not isinstance(data.get("s"), str):
        return None
    comment = Comment.objects.approved().filter(pk=data["c"], confirmation_used_at=None).first()
    if comment is None or comment.confirmation_sent_at is None:
        return None
    return comment if comment.confirmation_sent_at.isoformat() == data["s"] else None


def confirmation_offer(comment: Comment) -> None:
    """After a moderator approves a reply: mail its address a link to confirm the writer's browser.

    Not when a browser is already confirmed for the address, nor more than once a week per address
    (someone else typing the address must not be able to flood it). The mail repeats nothing the
    writer typed, so it cannot carry an attacker's words to somebody else's inbox.
    """
    now = timezone.now()
    if comment.imported or CommenterKey.objects.filter(email_key=comment.email_key).exists():
        return  # an old WordPress commenter did not just write to us
    claimed = (
        Comment.objects.filter(pk=comment.pk, confirmation_sent_at=None)
        .exclude(
            email_key__in=Comment.objects.filter(confirmation_sent_at__gte=now - timedelta(days=7)).values("email_key")
        )
        .update(confirmation_sent_at=now)
    )
    if claimed:
        comment.refresh_from_db(fields=["confirmation_sent_at"])
        after_response(lambda: _confirmation_send(comment))


def _confirmation_send(comment: Comment) -> None:
    message = _(
        "A reply you left on Kratom Info has been published.\n\n"
        "If you would like your next replies to appear without waiting for a moderator, open this link "
        "in the browser you write them from, within 7 days:\n\n%(link)s\n\n"
        "If you did not write a reply on Kratom Info, ignore this message: nothing changes."
    ) % {"link": confirmation_link(comment)}
    try:
        send_mail(_("Your reply on Kratom Info is published"), message, None, [comment.email])
    except Exception:  # the writer stays unconfirmed (replies held), and may be offered again next week
        Comment.objects.filter(pk=comment.pk).update(confirmation_sent_at=None)
        logger.exception("Confirmation link for comment %s could not be sent", comment.pk)
