"""Notes on an item: medical reviewers and editors comment on a draft (or any item), optionally quoting a passage.

Who may: whoever may open the item in the admin and works on content (roles.may_work_on): editors and
medical reviewers, not moderators. A note's writer and medical reviewers resolve it; another editor only
while the item is a draft (may_resolve). A
note is never deleted or edited; resolving records who and when, and a resolved note stays, listed apart. It
is not reopened: a point that comes back is a new note, which tells people (reopening would say nothing).

A quote must be words of the item as it is now (any text field, its child rows, or the body as readers see
it), compared without regard to case or line breaks: a quote the editor cannot find in the text points
nowhere, so it is refused while the reviewer still has the text in front of them. Once the text changes, the
change form says of an open note whose passage is gone that it is no longer in the text.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ItemNote, Publishable, Status
from .models.notes import BODY_LENGTH, QUOTE_LENGTH
from .notifications import notify_note
from .roles import may_work_on
from .workflow.revisions import revisable_fields
from .workflow.services import WorkflowError


def may_resolve(user: AbstractBaseUser, note: ItemNote, obj: Publishable) -> bool:
    """The note's writer and medical reviewers may resolve it; another editor only while the item is a draft.
    In review the editor cannot act on a reviewer's point, so it stays open until the reviewer clears it."""
    if not may_work_on(user, obj):
        return False
    return note.author_id == user.pk or user.has_perm("editorial.review_content") or obj.status == Status.DRAFT


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def item_text(obj: Publishable) -> str:
    """The item's words as an editor types them and as readers see them, to look a quote up in."""
    typed = [
        getattr(obj, field.name) or ""
        for field in revisable_fields(type(obj))
        if isinstance(field, models.CharField | models.TextField)
    ]
    return _plain("\n".join([*typed, obj.search_text()]))  # search_text: the rendered body and child rows


def quote_found(quote: str, text: str) -> bool:
    """Whether `quote` is in `text` (from item_text), whatever its case and line breaks."""
    return _plain(quote) in text


def note_add(*, obj: Publishable, user: AbstractBaseUser, body: str, quote: str = "") -> ItemNote:
    """Leave a note on `obj`, on the passage `quote` if given; its people and earlier note writers are told."""
    if not may_work_on(user, obj):
        raise PermissionDenied
    body, quote = body.strip(), quote.strip()
    problems = []
    if not body:
        problems.append(_("Write the note: it cannot be empty."))
    for text, limit, what in ((body, BODY_LENGTH, _("The note")), (quote, QUOTE_LENGTH, _("The quote"))):
        if len(text) > limit:
            message = _("%(what)s is too long: at most %(limit)d characters (it has %(count)d).")
            problems.append(message % {"what": what, "limit": limit, "count": len(text)})
    if quote and not quote_found(quote, item_text(obj)):
        problems.append(
            _(
                "The quoted passage is not in the item's current text. Copy the words from the form or the "
                "preview, or leave the quote empty."
            )
        )
    if problems:
        raise WorkflowError(problems)
    note = ItemNote(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, author=user, body=body, quote=quote
    )
    with transaction.atomic():
        note.save()
        notify_note(note=note, obj=obj)  # mailed after commit, never failing this
    return note


def note_resolve(*, note: ItemNote, user: AbstractBaseUser) -> ItemNote:
    """Mark a note resolved by `user`, now. It stays with the item, listed as resolved."""
    obj = note.content_object
    if obj is None or not may_resolve(user, note, obj):
        raise PermissionDenied
    resolved = ItemNote.objects.filter(pk=note.pk, resolved_at=None).update(
        resolved_at=timezone.now(), resolved_by=user
    )
    if not resolved:
        raise WorkflowError([_("This note was already resolved.")])
    note.refresh_from_db()
    return note
