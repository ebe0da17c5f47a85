from django.core.management.base import BaseCommand, CommandError

from wordpress.importer import import_export
from wordpress.wxr import WXRError, read


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.1 or 1.2): posts and pages become drafts for review, reader comments "
        "are held for moderation, attachments are listed. Repeatable: a second run creates nothing. "
        "All or nothing: a bad file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xml file from WordPress: Tools → Export → All content.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; change nothing.")

    def handle(self, *args, file, dry_run, **options):
        """Read, import in one transaction, and summarise (with the reason for every skip and conflict)."""
        try:
            export = read(file)
        except WXRError as error:
            raise CommandError(f"{file}: {error} Nothing was imported.") from error
        show_progress = self.stdout.isatty()

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"\rImporting {done}/{total}", ending="" if done < total else "\n")

        report = import_export(export, dry_run=dry_run, progress=progress if show_progress else None)
        for note in report.notes:
            if not note.startswith(("created", "unchanged")) or options["verbosity"] > 1:
                self.stdout.write(f"  {note}")
        counts = report.counts
        summary = ", ".join(
            f"{counts[key]} {key}"
            for key in ("read", "created", "updated", "unchanged", "skipped", "conflict", "attachment", "cleaned")
        )
        prefix = "Dry run, nothing changed: would be " if dry_run else "Imported from "
        self.stdout.write(self.style.SUCCESS(f"{prefix}{export.site_url or file} (WXR {export.version}): {summary}."))
