"""The review screen and the workflow's confirmation forms, for PublishableAdmin.

An item in review opens on what a medical reviewer needs to decide: the page as readers will see it (the
preview, framed beside the read-only fields, so citations, sources and badges are checked in place), the
submitter's note, the log, then the decision: approve now, schedule, or return with a note. Each decision
posts to the same confirmation view as the toolbar's buttons (PublishableAdmin.transition_view), so there is
one path for every step, and each says what it records.
"""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Status
from .workflow.transitions import NOTE_NEEDED, PUBLISHING_STEPS, available_transitions


class TransitionForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    material_change = forms.BooleanField(
        label=_('Material change: readers see "Updated on <date>: <note>"'), required=False
    )

    def __init__(self, *args, publishes: bool = True, needs_note: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not publishes:  # only a reviewer publishing may put a note in front of readers
            del self.fields["material_change"]
        if needs_note:  # the workflow table says so (Transition.needs_note); the service refuses it too
            self.fields["note"].required = True
            self.fields["note"].error_messages["required"] = NOTE_NEEDED


def transition_form(obj, transition, data=None, **kwargs) -> TransitionForm:
    """The form confirming `transition` on `obj`. "Material change" tells readers what changed since they
    last saw the item: it is offered only to a reviewer publishing an item readers have seen before."""
    published_before = transition.reviews and obj.transition_logs.filter(transition__in=PUBLISHING_STEPS).exists()
    return TransitionForm(data, publishes=published_before, needs_note=transition.needs_note, **kwargs)


class ReviewScreenMixin:
    """For PublishableAdmin: what the change form of an item in review adds (review_context)."""

    def transition_url(self, obj, name: str) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_transition", args=[obj.pk, name])

    def review_context(self, request, obj) -> dict:
        """The review screen's parts, for an item in review (nothing otherwise)."""
        if obj.status != Status.IN_REVIEW:
            return {}
        decisions = [
            {
                "transition": transition,
                "problems": transition.problems(obj, request.user),
                # Each form on the page gets its own ids: several "note" boxes share one page.
                "form": transition_form(obj, transition, auto_id=f"id_{transition.name}_%s"),
                "url": self.transition_url(obj, transition.name),
            }
            # Archiving is not a verdict on the content: the toolbar offers it, with its own warning.
            for transition in available_transitions(obj, request.user)
            if transition.tone != "danger"
        ]
        return {
            "review_screen": True,
            "preview_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_preview", args=[obj.pk]),
            "decisions": decisions,
            "submitted": submitted_step(obj),
        }


def submitted_step(obj):
    """The log entry of the item's last submission for review (who, when, their note), or None."""
    return obj.transition_logs.filter(transition="submit").select_related("user").first()
