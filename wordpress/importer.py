"""A WordPress export, brought in as drafts for review, in batches that each commit whole.

Posts become draft Articles and pages draft Pages; attachments are listed with their addresses; reader
comments are held for moderation, threaded, marked imported, with crisis rules applied, addresses hashed
and nobody e-mailed (wordpress.replies). Repeatable: posts are keyed by GUID and comments by (site,
comment ID) in ImportedItem. A later export updates drafts nobody has edited here and reports the others
as conflicts. The original addresses of posts and pages redirect once their item is published
(wordpress.links).

Batches: the file is read an item at a time (wordpress.wxr), and every BATCH_SIZE posts (fewer when they
carry many comments) are written and committed together with their ImportedItem rows. A run that stops,
however it stops, keeps whole batches only; run again, it skips every GUID and comment already imported,
so each item is created exactly once. A dry run is one transaction, rolled back.
"""

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db import transaction

from articles.models import Article
from editorial.content_version import changes_at_end, content_changed

from .links import remember_old_addresses
from .models import ImportedItem
from .posts import Posts
from .replies import comment_key, import_comments
from .wxr import Export, Post

BATCH_SIZE = 500  # posts per transaction
BATCH_COMMENTS = 5000  # or fewer posts, when they carry this many comments


@dataclass
class Report:
    """What an import did (or, with --dry-run, would do). Only committed batches count; `echo`, when given,
    receives each note as its batch commits instead of keeping them all (an import of any size)."""

    counts: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    echo: Callable[[str, str], None] | None = None  # (outcome, line)
    total: int = 0  # items in the file
    done: int = 0  # items read and committed (or, in a dry run, read)
    started: float = field(default_factory=time.monotonic)
    stopped: str = ""  # why the run stopped before the end ("" when it did not)

    def note(self, outcome: str, message: str) -> None:
        self.counts[outcome] += 1
        line = f"{outcome}: {message}"
        if self.echo is not None:
            self.echo(outcome, line)
        else:
            self.notes.append(line)

    @property
    def rate(self) -> float:
        """Items per second so far."""
        return self.done / max(time.monotonic() - self.started, 1e-9)


class Notes(list):
    """One item's outcomes, kept until its batch commits."""

    def note(self, outcome: str, message: str) -> None:
        self.append((outcome, message))


Progress = Callable[[Report], None]


def import_export(
    export: Export,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    should_stop: Callable[[], str] | None = None,
    batch_size: int = BATCH_SIZE,
    echo: Callable[[str, str], None] | None = None,
) -> Report:
    """Bring the export's posts in as drafts, a batch per transaction (a dry run rolls everything back).

    `progress` is called after each batch; `should_stop` after each batch but the last, and a non-empty answer
    (the reason) ends the run there, with every committed batch kept."""
    report = Report(echo=echo, total=export.count)
    posts = Posts(export)
    # A dry run is one transaction, rolled back: it writes no content version, so the version's row, which
    # every public write updates, is not locked while the whole export is read.
    with transaction.atomic() if dry_run else nullcontext(), changes_at_end(discard=True) if dry_run else nullcontext():
        for batch in batches(export.posts, export.site_url, batch_size):
            # One new content version per batch, written as the batch ends (not when its first topic is made).
            with transaction.atomic(), changes_at_end():
                notes = _import_batch(export, posts, batch)
            report.counts["read"] += len(batch)
            for item in notes:
                for outcome, message in item:
                    report.note(outcome, message)
            report.done += len(batch)
            if progress is not None:
                progress(report)
            if should_stop is not None and report.done < report.total and (reason := should_stop()):
                report.stopped = reason
                break
        if dry_run:
            transaction.set_rollback(True)
    return report


def batches(posts: Iterable[Post], site_url: str, size: int = BATCH_SIZE) -> Iterator[list[Post]]:
    """The posts in file order, cut into batches of `size` (fewer when they carry many comments, and before
    a GUID met again: the second one then finds the first imported, as it would one by one)."""
    batch: list[Post] = []
    guids: set[str] = set()
    comments = 0
    for post in posts:
        if batch and (len(batch) >= size or comments >= BATCH_COMMENTS or (post.guid and post.guid in guids)):
            yield batch
            batch, guids, comments = [], set(), 0
        batch.append(post)
        guids.add(post.guid)
        comments += len(post.comments)
    if batch:
        yield batch


def _import_batch(export: Export, posts: Posts, batch: list[Post]) -> list[Notes]:
    """Import one batch in the caller's transaction; each item's outcomes, in file order."""
    keys = [post.guid for post in batch if post.guid]
    keys += [comment_key(export.site_url, reader) for post in batch for reader in post.comments]
    known = ImportedItem.objects.in_bulk(keys, field_name="key") if keys else {}
    posts.start_batch(batch, known)
    notes = [Notes() for _ in batch]
    kept = []
    for post, note in zip(batch, notes, strict=True):
        obj = posts.prepare(post, known.get(post.guid), note.note)
        if obj is not None:
            kept.append((post, obj, note.note))
    posts.write()
    remember_old_addresses([(post.link, obj, note) for post, obj, note in kept])
    import_comments(export.site_url, [entry for entry in kept if isinstance(entry[1], Article)], known)
    if posts.new:
        content_changed()  # what each save() would have started: a new content version, once per batch
    return notes
