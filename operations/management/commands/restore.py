from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup_restore, row_counts


class Command(BaseCommand):
    help = "Restore a backup written by `backup` into an empty database (and the media storage)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .tar file written by `manage.py backup` (make backup).")

    def handle(self, *args, file, **options):
        """Restore, then compare the row counts with those recorded in the backup."""
        try:
            manifest = backup_restore(archive=Path(file))
        except BackupError as error:
            raise CommandError(str(error)) from error
        restored = row_counts()
        differ = {label: (n, restored.get(label)) for label, n in manifest["rows"].items() if restored.get(label) != n}
        if differ:
            raise CommandError(f"Restored, but these row counts differ from the backup's (backup, now): {differ}")
        total = sum(manifest["rows"].values())
        self.stdout.write(
            f"Restored {file}: {total:,} rows in {len(manifest['rows'])} tables match the backup; "
            f"{manifest['media']} media file(s). Now run `python manage.py migrate` for any newer migrations."
        )
