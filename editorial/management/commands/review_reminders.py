from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone

from editorial.models import Contributor
from editorial.registry import publishable_models


class Command(BaseCommand):
    help = (
        "E-mail each medical reviewer the published items they last reviewed whose review is now due: one "
        "mail per reviewer, at most once a day. Run daily from cron."
    )

    def handle(self, *args, **options):
        """Send the day's reminders; a second run on the same day sends nothing."""
        now = timezone.now()
        due = defaultdict(list)
        for model in publishable_models():
            for item in model.objects.review_due(now).filter(reviewed_by__isnull=False):
                due[item.reviewed_by_id].append(item)
        sent = 0
        for reviewer in Contributor.objects.filter(pk__in=due).select_related("user").order_by("pk"):
            if reviewer.review_reminder_sent_at and reviewer.review_reminder_sent_at.date() == now.date():
                continue
            email = reviewer.user.email if reviewer.user else ""
            if not email:
                self.stderr.write(f"{reviewer.name}: {len(due[reviewer.pk])} due, but no e-mail address on file")
                continue
            send_mail(
                subject=f"Kratom Info: {len(due[reviewer.pk])} item(s) due for medical review",
                message=self.body(reviewer, due[reviewer.pk]),
                from_email=None,
                recipient_list=[email],
            )
            # Recorded per reviewer, so a crash halfway never sends anyone a second mail that day.
            Contributor.objects.filter(pk=reviewer.pk).update(review_reminder_sent_at=now)
            sent += 1
            self.stdout.write(f"Sent to {reviewer.name}: {len(due[reviewer.pk])} item(s)")
        self.stdout.write(self.style.SUCCESS(f"{sent} reminder(s) sent."))

    def body(self, reviewer: Contributor, items: list) -> str:
        lines = [f"Dear {reviewer.name},", "", "These items you last reviewed are due for another review:", ""]
        for item in sorted(items, key=lambda i: i.last_reviewed_at):
            opts = item._meta
            link = settings.SITE_URL + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
            lines.append(f"- {item.title} (last reviewed {item.last_reviewed_at:%d %B %Y}): {link}")
        lines += ["", "Thank you.", "Kratom Info"]
        return "\n".join(lines)
