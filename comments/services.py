"""Writing comments: duplicates, rate limits and the moderation rules, inside one transaction."""

import re
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article
from editorial.content_version import content_changed
from editorial.models import Contributor

from .addresses import email_key
from .models import Comment, CommentStatus, ModerationSettings
from .moderation import moderator_alert_schedule
from .rules import moderation_verdict

DUPLICATE_WINDOW = timedelta(hours=1)


class CommentRefusedError(Exception):
    """A comment that will not be stored; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


def rate_limit_problem(*, ip_hash: str, email: str, now=None) -> str | None:
    """A plain message when this address or e-mail has posted too often, else None (rows, not memory)."""
    now = now or timezone.now()
    for limit, seconds in settings.COMMENTS_RATE_LIMITS:
        recent = Comment.objects.filter(created_at__gte=now - timedelta(seconds=seconds))
        if (
            recent.filter(ip_hash=ip_hash).count() >= limit
            or recent.filter(email_key=email_key(email)).count() >= limit
        ):
            return _("You have posted several replies in a short time. Please wait a while and try again.")
    return None


def same_words(body: str) -> str:
    """A body as a duplicate check compares it: case, compatibility forms, spacing of any kind (no-break and
    zero-width spaces too) and final punctuation ignored; the words and the punctuation between them kept."""
    folded = unicodedata.normalize("NFKC", body).casefold().replace("\u200b", "")
    return re.sub(r"[\W_]+$", "", " ".join(folded.split()))


def protected_names() -> list[str]:
    """Names a reader must not post under: our contributors' and staff members' (held, not refused)."""
    people = [name for name in Contributor.objects.values_list("name", flat=True) if name]
    for first, last in get_user_model().objects.filter(is_staff=True).values_list("first_name", "last_name"):
        if full := f"{first} {last}".strip():
            people.append(full)
    return people


def comment_create(
    *,
    article: Article,
    parent: Comment | None,
    name: str,
    email: str,
    body: str,
    ip_hash: str,
    verified: bool = False,
    form_nonce: str | None = None,
    user_agent: str = "",
) -> tuple[Comment, bool]:
    """Store a reader's comment with the status the rules give it; (comment, created).

    `verified`: the browser was confirmed for this address (comments.identity). The same words from
    the same address within an hour, or the same signed form sent again, are stored once. The article
    row is locked while checking, so two identical posts in flight cannot both pass the duplicate check.
    """
    now, key = timezone.now(), email_key(email)
    with transaction.atomic():
        Article.objects.select_for_update().filter(pk=article.pk).first()
        verdict = moderation_verdict(
            body=body,
            name=name,
            email=email,
            first=not Comment.objects.approved().filter(email_key=key).exists(),
            verified=verified,
            policy=ModerationSettings.current(),
            protected_names=protected_names(),
        )
        recent = Comment.objects.filter(article=article, email_key=key, created_at__gte=now - DUPLICATE_WINDOW)
        duplicate = next((c for c in recent if same_words(c.body) == same_words(body)), None)
        if duplicate is not None:
            if verdict.urgent and not duplicate.is_urgent:
                # The same words sent again, now with crisis language (in the name): a person must see it.
                Comment.objects.filter(pk=duplicate.pk).update(
                    is_urgent=True,
                    status=CommentStatus.PENDING,
                    hold_reasons=verdict.reasons,
                    alerted_at=None,
                    alert_claimed_at=None,  # an earlier, ordinary alert's claim must not hold this one back
                )
                content_changed()  # it may have been shown; now it waits for a person
                duplicate.refresh_from_db()
            if duplicate.is_urgent and duplicate.alerted_at is None:  # (a resend after a lost answer, too)
                moderator_alert_schedule(duplicate)
            return duplicate, False
        if form_nonce and Comment.objects.filter(form_nonce=form_nonce).exists():
            raise CommentRefusedError(_("This form was sent already. Please reload the page to write another reply."))
        if problem := rate_limit_problem(ip_hash=ip_hash, email=email, now=now):
            raise CommentRefusedError(problem, status=429)
        comment = Comment(
            article=article,
            parent=parent,
            name=name,
            email=email,
            body=body,
            status=verdict.status,
            hold_reasons=verdict.reasons,
            is_urgent=verdict.urgent,
            ip_hash=ip_hash,
            form_nonce=form_nonce,
            user_agent=user_agent[:200],
        )
        comment.full_clean(validate_unique=False)  # the database refuses a nonce used twice (below)
        try:
            with transaction.atomic():
                comment.save()
        except IntegrityError as error:  # the same form, sent twice at once: one of them is stored
            raise CommentRefusedError(_("This form was sent already. Please reload the page.")) from error
        moderator_alert_schedule(comment)
    return comment, True
