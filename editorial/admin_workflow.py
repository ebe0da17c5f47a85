"""The review workflow in the admin: transitions, pending revisions, previews.

Version diffs and the read-only history admin are in editorial.admin_history; the version check on every
save in editorial.locking; the preview page in editorial.preview.

Every button and action comes from the table in editorial/workflow/transitions.py and goes through
editorial/workflow/services.py, so the admin can do nothing the services refuse.
"""

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from markdownx.models import MarkdownxField

from .admin_history import HistoryAdmin, VersionsMixin
from .admin_notes import ItemNotesMixin
from .admin_propose import ProposeChangesMixin
from .admin_review import ReviewScreenMixin, submitted_step, transition_form
from .admin_writing import MarkdownEditor, WritingComfortsMixin
from .locking import VersionedForm, child_changes
from .models import EvidenceClaim, Revision, RevisionStatus, Status
from .preview import render_preview
from .workflow.revisions import revisable_fields, revisable_m2m
from .workflow.services import WorkflowError, content_transition
from .workflow.transitions import ITEM_TRANSITIONS, TRANSITIONS_BY_NAME, available_transitions

ALWAYS_READ_ONLY = ["status", "reviewed_by", "last_reviewed_at", "rendered_with", "created_at", "updated_at"]


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review due")
    parameter_name = "review_due"

    def lookups(self, request, model_admin):
        return [("yes", _("Review due"))]

    def queryset(self, request, queryset):
        return queryset.review_due() if self.value() == "yes" else queryset


class PublishableAdmin(
    ProposeChangesMixin, ReviewScreenMixin, ItemNotesMixin, WritingComfortsMixin, VersionsMixin, HistoryAdmin
):
    """Shared admin for every Publishable: Markdown editor, the workflow, revisions, previews, history."""

    form = VersionedForm  # carries the version it was opened on; a save based on an older one is refused
    change_form_template = "admin/editorial/publishable_change_form.html"
    object_history_template = "admin/editorial/publishable_history.html"
    formfield_overrides = {MarkdownxField: {"widget": MarkdownEditor}}
    list_display = ["title", "status", "published_at", "reviewed_by", "last_reviewed_at", "review_due", "updated_at"]
    list_filter = ["status", ReviewDueFilter, "reviewed_by"]
    list_select_related = ["reviewed_by"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    autocomplete_fields = ["author"]
    publishable_fieldsets = [
        (
            _("Publication"),
            {"fields": ["status", "published_at", "author", "reviewed_by", "last_reviewed_at", "superseded_by"]},
        ),
        (_("Record"), {"classes": ["collapse"], "fields": ["rendered_with", "created_at", "updated_at"]}),
    ]

    # Plain-text fields of a few lines: their boxes are 4 rows high, not the admin's 10. A content type's
    # admin adds its own (e.g. an article's key takeaways).
    short_text_fields = ["summary"]

    @admin.display(boolean=True, description=_("review due"))
    def review_due(self, obj) -> bool:
        return obj.is_review_due

    # -- the form ---------------------------------------------------------------

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in self.short_text_fields and field:
            field.widget.attrs["rows"] = 4
        if isinstance(db_field, models.DateTimeField) and field and hasattr(field.widget, "widgets"):
            # The admin's split date and time boxes have one <label> between them: name each box.
            for widget, part in zip(field.widget.widgets, (_("date"), _("time")), strict=True):
                widget.attrs["aria-label"] = f"{db_field.verbose_name}: {part}"
        return field

    def get_readonly_fields(self, request, obj=None):
        # Status and review fields change only through the workflow, for everyone.
        fields = [*ALWAYS_READ_ONLY, *self.readonly_fields]
        if obj is not None and obj.status == Status.IN_REVIEW:
            # What the reviewer approves is what they read: return it to draft to change it.
            return [
                *fields,
                *(f.name for f in revisable_fields(type(obj))),
                *(f.name for f in revisable_m2m(type(obj))),
                "published_at",
                "superseded_by",
            ]
        if obj is not None and obj.status == Status.PUBLISHED:
            fields += ["published_at", "superseded_by"]
        if not request.user.has_perm("editorial.retire_content"):
            fields.append("superseded_by")
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        return (
            {} if obj is not None and obj.status == Status.IN_REVIEW else super().get_prepopulated_fields(request, obj)
        )

    def get_inlines(self, request, obj):
        return [] if obj is not None and obj.status == Status.IN_REVIEW else super().get_inlines(request, obj)

    def get_fieldsets(self, request, obj=None):
        if self.fieldsets:
            return self.fieldsets
        publication = {name for _title, options in self.publishable_fieldsets for name in options["fields"]}
        claim = [f.name for f in EvidenceClaim._meta.get_fields()] if issubclass(self.model, EvidenceClaim) else []
        content = [f for f in self.get_fields(request, obj) if f not in {*publication, *claim, "lock_version"}]
        claim_fieldset = [(_("The claim: what kind, how certain, how often"), {"fields": claim})] if claim else []
        return [(None, {"fields": content}), *claim_fieldset, *self.publishable_fieldsets]

    def has_change_permission(self, request, obj=None) -> bool:
        # In review, what the reviewer approves is what they read: a view-only form, with no Save button.
        if obj is not None and obj.status == Status.IN_REVIEW:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Published content is archived, not deleted, so the history and the log survive.
        if obj is not None and obj.status != Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = super().render_change_form(request, context, add, change, form_url, obj)
        form = context["adminform"].form
        if form.stale:  # refused: based on a version that is no longer the saved one (editorial.locking)
            form.changes += child_changes(form.live, [inline.formset for inline in context["inline_admin_formsets"]])
            response.status_code = 409
        return response

    # -- the change form writes drafts only ----------------------------------------
    #
    # A published item's POST never gets here: ProposeChangesMixin.propose_changes (editorial.admin_propose)
    # turns it into a pending revision. An item in review is view-only (has_change_permission).

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        obj.lock_version = form.cleaned_data["lock_version"]  # checked against the locked row by the form
        status = type(obj)._base_manager.filter(pk=obj.pk).values_list("status", flat=True).first()
        if status in {Status.IN_REVIEW, Status.PUBLISHED}:
            raise PermissionDenied  # the form locked the row: in review it is read-only; live, it is proposed
        # Write only what the form edits (and what derives from it), never the workflow's columns,
        # so a save racing an approval cannot put back an old status.
        obj._history_user = request.user
        edited = [name for name in form.changed_data if name in {f.name for f in type(obj)._meta.concrete_fields}]
        obj.save(update_fields=[*edited, *type(obj).derived_fields, "updated_at"])
        return None

    # -- actions and buttons from the workflow table ---------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # published content is archived, not deleted
        for transition in ITEM_TRANSITIONS:
            # Scheduling needs a time, returning a note: each is confirmed on its own page, not in bulk.
            bulk = transition.name != "schedule" and not transition.needs_note
            if bulk and request.user.has_perm(transition.permission):
                name = f"transition_{transition.name}"
                actions[name] = (_bulk_action(transition.name), name, transition.label)
        return actions

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/transition/<slug:name>/",
                wrap(self.transition_view),
                name=f"{prefix}_transition",
            ),
            path("<path:object_id>/preview/", wrap(self.preview_view), name=f"{prefix}_preview"),
            *super().get_urls(),
        ]

    def _object_or_404(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_view_permission(request, obj):
            raise Http404
        return obj

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None:
            content_type = ContentType.objects.get_for_model(obj)
            extra_context = {
                **self.notes_context(request, obj),  # the Notes panel (editorial/admin_notes.py)
                **(extra_context or {}),  # a refused note's form, with its errors
                "transitions": available_transitions(obj, request.user),
                "transition_log": obj.transition_logs.select_related("user")[:50],
                "pending_revisions": Revision.objects.filter(
                    content_type=content_type, object_id=obj.pk, status=RevisionStatus.PENDING
                ).select_related("author"),
                "proposal_form": self.proposal_form(request, obj),  # a published item: "Propose changes"
                **self.review_context(request, obj),  # an item in review: the review screen (admin_review.py)
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def transition_view(self, request, object_id, name):
        obj = self._object_or_404(request, object_id)
        transition = TRANSITIONS_BY_NAME.get(name)
        if transition is None or transition.of_revision:
            raise Http404
        form = transition_form(obj, transition, request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                content_transition(obj=obj, name=name, user=request.user, **form.cleaned_data)
            except WorkflowError as refusal:
                messages.error(request, _("Not done: %(reasons)s") % {"reasons": " ".join(refusal.problems)})
            else:
                messages.success(request, _("Done: %(action)s.") % {"action": transition.label})
            return HttpResponseRedirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "transition": transition,
            "problems": transition.problems(obj, request.user),
            "form": form,
            "title": transition.label,
            "change_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]),
            "submitted": submitted_step(obj),
        }
        # A refused form (a return with no note) is shown again with its error, as bad input: a 400.
        status = 400 if form.is_bound else 200
        return TemplateResponse(request, "admin/editorial/transition_confirm.html", context, status=status)

    def preview_view(self, request, object_id):
        return render_preview(request, self._object_or_404(request, object_id))


def _bulk_action(name: str):
    def action(modeladmin, request, queryset):
        done, refused = 0, []
        for obj in queryset:
            try:
                content_transition(obj=obj, name=name, user=request.user)
                done += 1
            except WorkflowError as refusal:
                refused.append(f"“{obj}”: {' '.join(refusal.problems)}")
        if done:
            modeladmin.message_user(request, _("%(count)d item(s) done.") % {"count": done}, messages.SUCCESS)
        for line in refused:
            modeladmin.message_user(request, _("Not done: %(line)s") % {"line": line}, messages.ERROR)

    action.__name__ = f"transition_{name}"
    return action
