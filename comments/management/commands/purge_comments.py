from django.core.management.base import BaseCommand

from comments.moderation import comment_purge_expired


class Command(BaseCommand):
    help = "Delete spam and rejected comments older than 30 days; forget address hashes older than 90 days."

    def handle(self, *args, **options):
        """Purge; safe to run any number of times (daily from cron)."""
        deleted, cleared = comment_purge_expired()
        self.stdout.write(self.style.SUCCESS(f"Deleted {deleted} old comment(s); cleared {cleared} address hash(es)."))
