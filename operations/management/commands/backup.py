from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Write a timestamped backup (database, uploaded media, manifest) as one tar file."

    def add_arguments(self, parser):
        parser.add_argument("--directory", default="backups", help="Where to write it (default: backups/).")

    def handle(self, *args, directory, **options):
        """Back up the configured database and MEDIA_ROOT; prints the file written."""
        try:
            archive = backup_create(directory=Path(directory))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written: {archive} ({archive.stat().st_size:,} bytes)")
