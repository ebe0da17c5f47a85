import signal
import time
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError

from wordpress.importer import BATCH_SIZE, Report, import_export
from wordpress.wxr import WXRError, read

PROGRESS_EVERY = 1000  # items, when the output is not a terminal
PROGRESS_SECONDS = 10.0  # or this long, whichever comes first
OUTCOMES = ("read", "created", "updated", "unchanged", "skipped", "conflict", "attachment", "cleaned")


class StoppedAtOnceError(Exception):
    """A second SIGTERM or SIGINT: the batch in progress is rolled back at once."""

    def __init__(self, number: int):
        self.number = number
        super().__init__(f"Stopped at once by a second {signal.Signals(number).name}")


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.1 or 1.2): posts and pages become drafts for review, reader comments "
        "are held for moderation, attachments are listed. Repeatable: a second run creates nothing. A bad file "
        "changes nothing; the import commits in batches, and a run that stopped continues where it stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xml file from WordPress: Tools → Export → All content.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; change nothing.")
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help=f"Posts per transaction (default {BATCH_SIZE})."
        )
        parser.add_argument(
            "--progress-every",
            type=int,
            default=PROGRESS_EVERY,
            help=f"When the output is not a terminal, a progress line every this many items "
            f"(default {PROGRESS_EVERY}) or every {PROGRESS_SECONDS:.0f} s; 0 for none.",
        )

    def handle(self, *args, file, dry_run, batch_size, progress_every, **options):
        """Check the whole file, import it batch by batch, and summarise (with the reason for every skip and
        conflict). SIGTERM or SIGINT finishes the batch in progress and stops; a second one rolls it back."""
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            export = read(file)
        except WXRError as error:
            raise CommandError(f"{file}: {error} Nothing was imported.") from error
        verbose = options["verbosity"] > 1

        printer = TerminalProgress(self.stdout) if self.stdout.isatty() else LineProgress(self.stdout, progress_every)

        def echo(outcome: str, line: str) -> None:
            if verbose or outcome not in ("created", "unchanged"):
                printer.finish()
                self.stdout.write(f"  {line}")

        with stop_on_signals() as stop:
            try:
                report = import_export(
                    export, dry_run=dry_run, progress=printer, should_stop=stop, batch_size=batch_size, echo=echo
                )
            except StoppedAtOnceError as error:
                printer.finish()
                raise CommandError(
                    f"{error}: the batch in progress was rolled back; the batches before it are imported. "
                    "Run the same command again to continue.",
                    returncode=128 + error.number,
                ) from error
        printer.finish()
        summary = ", ".join(f"{report.counts[key]} {key}" for key in OUTCOMES)
        source = f"{export.site_url or file} (WXR {export.version})"
        if report.stopped:
            kept = "" if dry_run else " The batches before the stop are imported; run the same command to continue."
            where = f"after {report.done} of {report.total} items"
            self.stdout.write(f"Stopped by {report.stopped} {where}: {summary}.{kept}")
            code = 128 + signal.Signals[report.stopped]  # as a shell reports a process the signal ended
            raise CommandError(f"Stopped by {report.stopped} before the end.", returncode=code)
        prefix = "Dry run, nothing changed: would be " if dry_run else "Imported from "
        self.stdout.write(self.style.SUCCESS(f"{prefix}{source}: {summary}."))


@contextmanager
def stop_on_signals(signals=(signal.SIGTERM, signal.SIGINT)):
    """A `should_stop` callable: the name of the first of `signals` received, "" before. A second signal
    raises StoppedAtOnceError where the import is. The previous handlers are put back afterwards."""
    received: list[str] = []

    def handler(number, frame):
        name = signal.Signals(number).name
        if received:
            raise StoppedAtOnceError(number)
        received.append(name)

    previous = {number: signal.signal(number, handler) for number in signals}
    try:
        yield lambda: received[0] if received else ""
    finally:
        for number, old in previous.items():
            signal.signal(number, old)


class LineProgress:
    """A line every `every` items or PROGRESS_SECONDS, for logs (cron, CI, systemd): counts and rate."""

    def __init__(self, out, every: int):
        self.out, self.every = out, every
        self.next_at, self.last = every, time.monotonic()

    def __call__(self, report: Report) -> None:
        now = time.monotonic()
        if self.every <= 0 or (report.done < self.next_at and now - self.last < PROGRESS_SECONDS):
            return
        self.next_at = (report.done // self.every + 1) * self.every
        self.last = now
        self.out.write(progress_line(report))
        self.out.flush()  # a pipe is block-buffered: the line is for now, not for the end of the run

    def finish(self) -> None:
        pass


class TerminalProgress:
    """One line, rewritten after each batch."""

    def __init__(self, out):
        self.out, self.written = out, False

    def __call__(self, report: Report) -> None:
        self.out.write(f"\r{progress_line(report)}", ending="")
        self.out.flush()
        self.written = True

    def finish(self) -> None:
        """End the progress line, before other output."""
        if self.written:
            self.out.write("")
            self.written = False


def progress_line(report: Report) -> str:
    counts = report.counts
    share = f" ({100 * report.done / report.total:.0f}%)" if report.total else ""
    return (
        f"Progress: {report.done}/{report.total} items{share}, {report.rate:.1f} items/s; "
        f"{counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['skipped']} skipped, {counts['conflict']} conflicts"
    )
