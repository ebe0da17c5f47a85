"""Changes to live content: the one path from a published item's change form to a pending revision.

A published item's change form offers "Propose changes" and a required "What changed and why" note
instead of the Save buttons. Its POST is read top to bottom in `ProposeChangesMixin.propose_changes`: the
same ModelForm (with its version check, editorial.locking) and inline formsets that Django's change form
validates, then `revision_propose`. The change form never writes a live row.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.forms.formsets import all_valid
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .models import Status
from .workflow.revisions import children_from_formsets, revisable_m2m, snapshot
from .workflow.services import WorkflowError, revision_propose


class ProposalForm(forms.Form):
    """The note a proposal carries: the medical reviewer reads it first, and it stays with the revision."""

    prefix = "proposal"
    required_css_class = "required"  # the admin's bold label for a field that must be filled in
    note = forms.CharField(
        label=_lazy("What changed and why"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_lazy("The medical reviewer reads this first. Name what you changed and the source behind it."),
    )


class ProposeChangesMixin:
    """For PublishableAdmin: a published item's change form proposes its edit for review."""

    def proposal_form(self, request, obj) -> ProposalForm | None:
        """An empty note for the change form of a published item the user may edit; None otherwise."""
        if obj is None or obj.status != Status.PUBLISHED or not self.has_change_permission(request, obj):
            return None
        return ProposalForm()

    def _changeform_view(self, request, object_id, form_url, extra_context):
        if request.method == "POST" and object_id is not None:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and obj.status == Status.PUBLISHED:
                return self.propose_changes(request, obj, form_url, extra_context)
        return super()._changeform_view(request, object_id, form_url, extra_context)

    def propose_changes(self, request, obj, form_url="", extra_context=None):
        """The POST of a published item's change form (inside the admin's transaction): the edit, its links
        and child rows become a pending revision with the editor's note. Invalid or stale (409): the form
        again, with what was typed and why it was not proposed."""
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        fieldsets = self.get_fieldsets(request, obj)
        form_class = self.get_form(request, obj, change=True, fields=flatten_fieldsets(fieldsets))
        form = form_class(request.POST, request.FILES, instance=obj)
        proposal = ProposalForm(request.POST)
        form_valid = form.is_valid()  # with the version check: the row stays locked until this view returns
        formsets, inline_instances = self._create_formsets(request, form.instance, change=True)
        formsets_valid, proposal_valid = all_valid(formsets), proposal.is_valid()
        if form_valid and formsets_valid and proposal_valid:
            edited = form.instance
            edited.lock_version = form.cleaned_data["lock_version"]  # the version the editor opened
            m2m = {
                field.name: sorted(item.pk for item in form.cleaned_data.get(field.name, []))
                for field in revisable_m2m(type(edited))
            }
            data = snapshot(edited, m2m=m2m, children=children_from_formsets(edited, formsets))
            try:
                revision = revision_propose(
                    obj=edited, data=data, user=request.user, note=proposal.cleaned_data["note"]
                )
            except WorkflowError as refusal:
                messages.error(request, _("Not proposed: %(reasons)s") % {"reasons": " ".join(refusal.problems)})
            else:
                messages.success(
                    request,
                    _(
                        "Your proposed changes are waiting for a medical reviewer. Readers keep seeing the "
                        "reviewed version until it is published."
                    ),
                )
                return HttpResponseRedirect(reverse("admin:editorial_revision_change", args=[revision.pk]))

        # Not proposed: the change form again, as Django's own change view renders an invalid one.
        admin_form = helpers.AdminForm(
            form,
            list(fieldsets),
            self.get_prepopulated_fields(request, obj),
            self.get_readonly_fields(request, obj),
            model_admin=self,
        )
        inline_formsets = self.get_inline_formsets(request, formsets, inline_instances, obj)
        media = self.media + admin_form.media
        for inline_formset in inline_formsets:
            media += inline_formset.media
        errors = helpers.AdminErrorList(form, formsets)
        errors.extend(proposal.errors.values())
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change %s") % self.opts.verbose_name,
            "subtitle": str(obj),
            "adminform": admin_form,
            "object_id": obj.pk,
            "original": obj,
            "is_popup": False,
            "to_field": None,
            "media": media,
            "inline_admin_formsets": inline_formsets,
            "errors": errors,
            "preserved_filters": self.get_preserved_filters(request),
            **(extra_context or {}),
            "proposal_form": proposal,
        }
        request.current_app = self.admin_site.name
        return self.render_change_form(request, context, change=True, obj=obj, form_url=form_url)
