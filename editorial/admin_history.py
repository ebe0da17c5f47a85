"""Versions of content in the admin: compare any two, and propose restoring an old one (through review)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from .diff import field_diffs
from .workflow.revisions import revisable_fields
from .workflow.services import revision_from_history


class HistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin with its version pages read-only.

    SIMPLE_HISTORY_REVERT_DISABLED only hides the button; the stock view still
    saves a POST, which would bypass review. Restoring goes through a pending
    Revision instead (see PublishableAdmin.propose_restore_view).
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        if not (str(object_id).isdigit() and str(version_id).isdigit()):
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)


class SingletonAdmin(HistoryAdmin):
    """One row: it can be added once and never deleted."""

    def has_add_permission(self, request) -> bool:
        return not self.model.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class CompareForm(forms.Form):
    a = forms.IntegerField(min_value=1)
    b = forms.IntegerField(min_value=1)


class VersionsMixin:
    """For PublishableAdmin: "Compare versions" and "Propose restoring the older version"."""

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/history/compare/", wrap(self.compare_view), name=f"{prefix}_compare"),
            path(
                "<path:object_id>/history/<int:history_id>/propose/",
                wrap(require_POST(self.propose_restore_view)),
                name=f"{prefix}_propose_restore",
            ),
            *super().get_urls(),
        ]

    def compare_view(self, request, object_id):
        obj = self._object_or_404(request, object_id)
        versions = list(obj.history.select_related("history_user")[:100])
        form = CompareForm(request.GET or None)
        if request.GET and not form.is_valid():
            return TemplateResponse(request, "admin/editorial/history_compare.html", {"form": form}, status=400)
        by_id = {version.history_id: version for version in versions}
        if form.is_bound:
            old, new = by_id.get(form.cleaned_data["a"]), by_id.get(form.cleaned_data["b"])
            if old is None or new is None:
                raise Http404
        elif len(versions) >= 2:
            new, old = versions[0], versions[1]
        else:
            old = new = versions[0] if versions else None
        fields = revisable_fields(type(obj))
        labels = {field.name: str(field.verbose_name).capitalize() for field in fields}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "versions": versions,
            "old": old,
            "new": new,
            "diffs": field_diffs(_version_values(old, fields), _version_values(new, fields), labels) if old else [],
            "can_propose": self.has_change_permission(request, obj),
            "title": _("Compare versions of “%(title)s”") % {"title": obj.title},
        }
        return TemplateResponse(request, "admin/editorial/history_compare.html", context)

    def propose_restore_view(self, request, object_id, history_id):
        obj = self._object_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        historical = get_object_or_404(obj.history, history_id=history_id)
        revision = revision_from_history(historical=historical, user=request.user)
        messages.info(
            request, _("The old version is proposed as a pending revision; a medical reviewer must publish it.")
        )
        return HttpResponseRedirect(reverse("admin:editorial_revision_change", args=[revision.pk]))


def _version_values(version, fields) -> dict:
    return {field.name: getattr(version, field.attname, None) for field in fields} if version else {}
