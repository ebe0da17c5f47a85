from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .admin_history import HistoryAdmin, SingletonAdmin
from .admin_notifications import ReadOnlyAdmin  # and registers each person's notifications
from .admin_review import TransitionForm
from .admin_workflow import PublishableAdmin
from .diff import field_diffs, word_diff
from .locking import saved_by
from .models import Contributor, Page, Revision, RevisionStatus, SafetyNotice, Source, TransitionLog
from .models.publishable import source_cited_by_published
from .preview import render_preview
from .registry import publishable_models
from .workflow.revisions import PARTS, overwritten, part_label, part_text, preview_object, revisable_fields, snapshot
from .workflow.services import WorkflowError, revision_problems, revision_publish, revision_withdraw


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    pass


@admin.register(Contributor)
class ContributorAdmin(HistoryAdmin):
    """Names and credentials appear on every byline: only site administrators (superusers) change them."""

    list_display = ["name", "credentials", "user", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["name", "credentials"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    """Sources are shown under every item that cites them. Once a published item cites one, a change
    (a new URL, a new title) reaches readers without the item's review: only a medical reviewer may
    make it. Editors add sources and change those only drafts cite."""

    list_display = ["key", "title", "source_type", "venue", "year"]
    list_filter = ["source_type", "year"]
    search_fields = ["key", "title", "authors", "venue", "doi", "pmid"]

    def has_change_permission(self, request, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or request.user.has_perm("editorial.review_content") or not source_cited_by_published(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        source = self.get_object(request, unquote(object_id)) if request.method == "GET" else None
        if source is not None and not self.has_change_permission(request, source):
            self.message_user(
                request,
                _("Published content cites this source, so only a medical reviewer can change it. Ask one to."),
                messages.WARNING,
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(SafetyNotice)
class SafetyNoticeAdmin(SingletonAdmin):
    list_display = ["__str__", "updated_at"]


@admin.register(TransitionLog)
class TransitionLogAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "content_type", "object_id", "transition", "from_status", "to_status", "user"]
    list_filter = ["transition", "to_status", "material_change", "content_type"]
    list_select_related = ["user", "content_type"]


class PublishRevisionForm(TransitionForm):
    """Publishing a revision: a note, and for each part the live page changed since, the reviewer's choice."""

    # The version of the live page the reviewer saw: their choices hold for it alone (the page sends it).
    live_version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    CHOICES = [("live", _lazy("Keep the live version")), ("revision", _lazy("Publish this revision's version"))]

    def __init__(self, *args, conflicts=(), **kwargs):
        super().__init__(*args, publishes=True, **kwargs)
        for conflict in conflicts:
            self.fields[f"resolve_{conflict['name']}"] = forms.ChoiceField(
                label=_("What should readers see?"), choices=self.CHOICES, widget=forms.RadioSelect
            )
        self.conflicts = [{**conflict, "field": self[f"resolve_{conflict['name']}"]} for conflict in conflicts]

    def publish_arguments(self) -> dict:
        data = self.cleaned_data
        chosen = {name.removeprefix("resolve_"): value for name, value in data.items() if name.startswith("resolve_")}
        return {
            "note": data["note"],
            "material_change": data.get("material_change", False),
            "keep_live": {name for name, value in chosen.items() if value == "live"},
            "overwrite": {name for name, value in chosen.items() if value == "revision"},
            "live_version": data["live_version"],
        }


def revision_conflicts_shown(revision: Revision, live) -> list[dict]:
    """Each part the live item changed since the revision was proposed and the revision would overwrite:
    its label, the change on the live page since, and what publishing the revision would do to it."""
    model, current = type(live), snapshot(live)
    shown = []
    for name in overwritten(current, revision.base, revision.data):
        part = next(part for part in PARTS if name in revision.data.get(part, {}))
        values = (revision.base.get(part, {}).get(name), current[part].get(name), revision.data[part][name])
        then, now, proposed = (part_text(model, part, name, value) for value in values)
        shown.append(
            {
                "name": name,
                "label": part_label(model, name),
                "since": word_diff(then, now),
                "proposed": word_diff(now, proposed),
            }
        )
    return shown


def _publisher_note(own: bool) -> str:
    if own:
        return _("A different medical reviewer publishes it.")
    return _("A medical reviewer publishes it.")


class ContentTypeListFilter(admin.RelatedFieldListFilter):
    """Offers the publishable content types only (not sessions, login attempts or OTP devices)."""

    def field_choices(self, field, request, model_admin):
        types = ContentType.objects.get_for_models(*publishable_models())
        return sorted(((ct.pk, capfirst(model._meta.verbose_name)) for model, ct in types.items()), key=lambda c: c[1])


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """Pending edits to live content: compare, preview, publish or withdraw."""

    change_form_template = "admin/editorial/revision_change_form.html"
    list_display = ["__str__", "note", "author", "created_at", "status", "decided_by"]
    list_filter = ["status", ("content_type", ContentTypeListFilter)]
    list_select_related = ["author", "decided_by", "content_type"]
    readonly_fields = [
        "content_type",
        "object_id",
        "author",
        "note",
        "status",
        "created_at",
        "decided_by",
        "decided_at",
    ]
    exclude = ["data"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # a revision changes only by being published or withdrawn: its page saves nothing

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("content_object")  # the titles in __str__

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/", wrap(self.preview_view), name="editorial_revision_preview"),
            path("<int:pk>/publish/", wrap(self.publish_view), name="editorial_revision_publish"),
            path("<int:pk>/withdraw/", wrap(self.withdraw_view), name="editorial_revision_withdraw"),
            *super().get_urls(),
        ]

    def _revision(self, request, pk) -> Revision:
        revision = self.get_object(request, unquote(str(pk)))  # None for junk ids, not a 500
        if revision is None or revision.content_object is None or not self.has_view_permission(request, revision):
            raise Http404
        return revision

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = self._revision(request, object_id)
        live = revision.content_object
        fields = revisable_fields(type(live))
        labels = {field.name: str(field.verbose_name).capitalize() for field in fields}
        pending = revision.status == RevisionStatus.PENDING
        conflicts = revision_conflicts_shown(revision, live) if pending else []
        # Who publishes it: a medical reviewer who did not propose it. Anyone else is told so, not refused.
        own = revision.author_id == request.user.pk
        publishes = request.user.has_perm("editorial.review_content") and not own
        problems = revision_problems(revision=revision, user=request.user) if publishes else []
        current = snapshot(live)["fields"]
        proposed = {**current, **revision.data.get("fields", {})}  # a revision holds only what it changes
        extra_context = {
            **(extra_context or {}),
            "live": live,
            "conflicts": conflicts,
            "saved_by": saved_by(live, revision.base_version) if conflicts else "",
            "live_change_url": reverse(f"admin:{live._meta.app_label}_{live._meta.model_name}_change", args=[live.pk]),
            "diffs": field_diffs(current, proposed, labels),
            "links_changed": bool(revision.data.get("m2m")),
            "children_changed": bool(revision.data.get("children")),
            "problems": problems,
            "can_publish": pending and publishes and not problems,
            "publisher_note": "" if publishes or not pending else _publisher_note(own),
            "pending": pending,
            "can_withdraw": own or request.user.has_perm("editorial.review_content"),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def preview_view(self, request, pk):
        revision = self._revision(request, pk)
        return render_preview(request, preview_object(revision.content_object, revision.data))

    def publish_view(self, request, pk):
        revision = self._revision(request, pk)
        live = revision.content_object
        conflicts = revision_conflicts_shown(revision, live)
        form = PublishRevisionForm(request.POST or None, conflicts=conflicts)
        if request.method == "POST" and form.is_valid():
            try:
                live = revision_publish(revision=revision, user=request.user, **form.publish_arguments())
            except WorkflowError as refusal:
                messages.error(request, _("Not published: %(reasons)s") % {"reasons": " ".join(refusal.problems)})
                return HttpResponseRedirect(reverse("admin:editorial_revision_change", args=[pk]))
            messages.success(request, _("The revision is live."))
            opts = live._meta
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[live.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": revision,
            "live": live,
            "saved_by": saved_by(live, revision.base_version) if conflicts else "",
            "problems": revision_problems(revision=revision, user=request.user),
            "form": form,
            "title": _("Publish this revision"),
        }
        return TemplateResponse(request, "admin/editorial/revision_publish.html", context)

    def withdraw_view(self, request, pk):
        """GET asks "Withdraw this revision?"; POST withdraws it (its proposer or a medical reviewer)."""
        revision = self._revision(request, pk)
        if request.method == "POST":
            try:
                revision_withdraw(revision=revision, user=request.user)
            except WorkflowError as refusal:
                messages.error(request, " ".join(refusal.problems))
                return HttpResponseRedirect(reverse("admin:editorial_revision_change", args=[pk]))
            messages.success(request, _("The revision was withdrawn; the live page is unchanged."))
            return HttpResponseRedirect(reverse("admin:editorial_revision_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": revision,
            "title": _("Withdraw this revision?"),
        }
        return TemplateResponse(request, "admin/editorial/revision_withdraw.html", context)
