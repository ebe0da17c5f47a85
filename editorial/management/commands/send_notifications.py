from django.core.management.base import BaseCommand

from editorial.notifications import notifications_give_up, notifications_owed, notifications_send


class Command(BaseCommand):
    help = (
        "Mail the workflow notifications that are owed: sends that failed (mail server down) or were lost (a "
        "worker stopped). Each is mailed once: a second run sends nothing new. One still unsent 2 days after "
        "its step is given up (logged as an error). Run every 10 minutes from cron."
    )

    def handle(self, *args, **options):
        notifications_give_up()
        owed = list(notifications_owed().values_list("pk", flat=True))
        sent = notifications_send(owed)
        self.stdout.write(self.style.SUCCESS(f"Notifications mailed: {sent} of {len(owed)} owed."))
