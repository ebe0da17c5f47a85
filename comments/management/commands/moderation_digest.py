from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from comments.models import Comment, CommentStatus, ModerationSettings
from comments.moderation import (
    ALERT_LEASE,
    SUPPORT_RETRY,
    moderator_alert_send,
    moderator_emails,
    queue_url,
    support_mail_send,
)


class Command(BaseCommand):
    help = (
        "Retry failed urgent alerts and support mails, then mail moderators one digest of held comments nobody "
        "has been told about yet. Idempotent: each comment is reported once. Run hourly from cron."
    )

    def handle(self, *args, **options):
        """Send what is owed; record it, so a second run sends nothing new."""
        unsent = Comment.objects.filter(support_sent_at=None, support_requested_at__lt=timezone.now() - SUPPORT_RETRY)
        support = sum(support_mail_send(pk) for pk in unsent.values_list("pk", flat=True))
        unalerted = Comment.objects.filter(status=CommentStatus.PENDING, alerted_at=None)
        # Urgent ones one by one (moderator_alert_send skips any another worker is sending right now).
        retried = sum(moderator_alert_send(pk) for pk in unalerted.filter(is_urgent=True).values_list("pk", flat=True))
        waiting = list(
            unalerted.filter(is_urgent=False)
            .filter(Q(alert_claimed_at=None) | Q(alert_claimed_at__lt=timezone.now() - ALERT_LEASE))
            .select_related("article")
            .order_by("created_at")
        )
        recipients = moderator_emails()
        if waiting and recipients:
            lines = [f"- {c.name} on “{c.article.title}”: {'; '.join(c.hold_reasons)}" for c in waiting]
            send_mail(
                f"{len(waiting)} repl{'y is' if len(waiting) == 1 else 'ies are'} waiting",
                "\n".join([*lines, "", f"The queue: {queue_url()}"]),
                None,
                recipients,
            )
            now = timezone.now()
            Comment.objects.filter(pk__in=[c.pk for c in waiting]).update(alerted_at=now)
            ModerationSettings.objects.filter(pk=ModerationSettings.SINGLETON_PK).update(digest_last_sent_at=now)
        self.stdout.write(
            self.style.SUCCESS(
                f"Urgent alerts resent: {retried}. Support mails resent: {support}. "
                f"Digest: {len(waiting) if recipients else 0} comment(s)."
            )
        )
