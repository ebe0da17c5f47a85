"""The Notes panel of every item's change form: open notes with a Resolve button each, the resolved ones under
"Show resolved", and "Add a note" (editorial/notes.py does the work).

Its forms are outside the change form (a <form> inside another is dropped by browsers), each with its own URL:
`<id>/notes/add/` and `<id>/notes/<note id>/resolve/`, POST only. A refused note shows the change page again with
the error and what was typed (400). The panel is templates/admin/editorial/_item_notes.html, fed by
`notes_context`: any page about the item may include it.
"""

import copy

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from .models import ItemNote
from .models.notes import BODY_LENGTH, QUOTE_LENGTH
from .notes import item_text, may_resolve, note_add, note_resolve, quote_found
from .roles import may_work_on, works_on_content
from .workflow.services import WorkflowError


class NoteForm(forms.Form):
    prefix = "note"
    required_css_class = "required"
    body = forms.CharField(
        label=_lazy("Note"),
        max_length=BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _lazy("Write the note: it cannot be empty.")},
    )
    quote = forms.CharField(
        label=_lazy("Quoted passage (optional)"),
        required=False,
        max_length=QUOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_lazy("Paste the words your note is about, from the form or the preview, to show them with it."),
    )


class ItemNotesMixin:
    """For PublishableAdmin: the Notes panel's context and its two POST-only views."""

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["admin-extra/notes.css"]})

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        own = [
            path("<path:object_id>/notes/add/", wrap(require_POST(self.note_add_view)), name=f"{prefix}_note_add"),
            path(
                "<path:object_id>/notes/<int:note_id>/resolve/",
                wrap(require_POST(self.note_resolve_view)),
                name=f"{prefix}_note_resolve",
            ),
        ]
        return [*own, *super().get_urls()]

    def notes_context(self, request, obj, note_form=None) -> dict:
        """What _item_notes.html shows of `obj`: its open notes (each with its Resolve URL, if the user may
        resolve it, and whether its quote is still in the text), the resolved ones, the form; nothing for someone who
        does not work on content. As many queries for one note as for many."""
        if not may_work_on(request.user, obj):
            return {}  # the editorial discussion is for editors and medical reviewers only
        notes = list(obj.notes.select_related("author", "resolved_by"))
        open_notes = [note for note in notes if note.resolved_at is None]
        text = item_text(obj) if any(note.quote for note in open_notes) else ""
        for note in open_notes:
            note.quote_gone = bool(note.quote) and not quote_found(note.quote, text)
            may = may_resolve(request.user, note, obj)
            note.resolve_url = self._notes_url(obj, "note_resolve", note.pk) if may else None
        return {
            "notes": open_notes,
            "resolved_notes": sorted((n for n in notes if n.resolved_at), key=lambda n: n.resolved_at, reverse=True),
            "note_form": note_form or NoteForm(),
            "note_add_url": self._notes_url(obj, "note_add"),
        }

    def _notes_url(self, obj, name: str, *args) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}", args=[obj.pk, *args])

    def _noted_object(self, request, object_id):
        """The item, for someone who works on content: 403 or 404 otherwise."""
        if not works_on_content(request.user):
            raise PermissionDenied  # a moderator: refused whatever the item
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_view_permission(request, obj):
            raise Http404
        return obj

    def _back_to_notes(self, obj) -> HttpResponseRedirect:
        return HttpResponseRedirect(self._notes_url(obj, "change") + "#item-notes")

    def note_add_view(self, request, object_id):
        obj = self._noted_object(request, object_id)
        form = NoteForm(request.POST)
        if form.is_valid():
            try:
                note_add(obj=obj, user=request.user, **form.cleaned_data)
            except WorkflowError as refusal:
                for problem in refusal.problems:
                    form.add_error(None, problem)
            else:
                messages.success(request, _("Your note was added. The item's people were told."))
                return self._back_to_notes(obj)
        return self._change_page_with(request, obj, form)

    def note_resolve_view(self, request, object_id, note_id: int):
        obj = self._noted_object(request, object_id)
        content_type = ContentType.objects.get_for_model(obj)
        note = ItemNote.objects.filter(pk=note_id, content_type=content_type, object_id=obj.pk).first()
        if note is None:
            raise Http404
        try:
            note_resolve(note=note, user=request.user)
        except WorkflowError as refusal:
            messages.warning(request, " ".join(refusal.problems))
        else:
            messages.success(request, _("Note resolved."))
        return self._back_to_notes(obj)

    def _change_page_with(self, request, obj, note_form):
        """The change page as opening it shows it, with the refused note's form and why it was refused: 400."""
        messages.error(request, _("Your note was not added: see Notes below."))
        as_opened = copy.copy(request)
        as_opened.method, as_opened.POST = "GET", QueryDict()
        response = self.change_view(as_opened, str(obj.pk), extra_context={"note_form": note_form})
        response.status_code = 400
        return response
