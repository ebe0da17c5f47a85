"""Writing comments: duplicates, rate limits and the moderation rules, inside one transaction."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article
from editorial.content_version import version_bump_on_commit

from .models import Comment, CommentStatus, ModerationSettings
from .moderation import schedule_alert
from .rules import moderate

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
        since = now - timedelta(seconds=seconds)
        recent = Comment.objects.filter(created_at__gte=since)
        if recent.filter(ip_hash=ip_hash).count() >= limit or recent.filter(email__iexact=email).count() >= limit:
            return _("You have posted several replies in a short time. Please wait a while and try again.")
    return None


def comment_create(
    *,
    article: Article,
    parent: Comment | None,
    name: str,
    email: str,
    body: str,
    ip_hash: str,
    user_agent: str = "",
) -> tuple[Comment, bool]:
    """Store a reader's comment with the status the rules give it; (comment, created).

    The same comment from the same e-mail within an hour is stored once. The
    article row is locked while checking, so two identical posts in flight
    cannot both pass the duplicate check.
    """
    now = timezone.now()
    with transaction.atomic():
        Article.objects.select_for_update().filter(pk=article.pk).first()
        returning = Comment.objects.approved().filter(email__iexact=email).exists()
        verdict = moderate(body=body, name=name, email=email, returning=returning, policy=ModerationSettings.current())
        duplicate = Comment.objects.filter(
            article=article, email__iexact=email, body=body, created_at__gte=now - DUPLICATE_WINDOW
        ).first()
        if duplicate is not None:
            if verdict.urgent and not duplicate.is_urgent:
                # The same words sent again, now with crisis language (in the name): a person must see it.
                Comment.objects.filter(pk=duplicate.pk).update(
                    is_urgent=True, status=CommentStatus.PENDING, hold_reasons=verdict.reasons, alerted_at=None
                )
                version_bump_on_commit()  # it may have been shown; now it waits for a person
                duplicate.refresh_from_db()
                schedule_alert(duplicate)
            return duplicate, False
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
            user_agent=user_agent[:200],
        )
        comment.full_clean()
        comment.save()
        schedule_alert(comment)
    return comment, True
