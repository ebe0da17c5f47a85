from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget
from simple_history.admin import SimpleHistoryAdmin

from .models import Contributor, Page, SafetyNotice, Source


class PublishableAdmin(SimpleHistoryAdmin):
    """Shared admin for every Publishable: Markdown editor, status columns, history."""

    formfield_overrides = {MarkdownxField: {"widget": AdminMarkdownxWidget}}
    list_display = ["title", "status", "published_at", "reviewed_by", "last_reviewed_at", "updated_at"]
    list_filter = ["status", "reviewed_by"]
    list_select_related = ["reviewed_by"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    readonly_fields = ["rendered_with", "created_at", "updated_at"]
    autocomplete_fields = ["author", "reviewed_by"]
    publishable_fieldsets = [
        (_("Publication"), {"fields": ["status", "published_at", "author", "reviewed_by", "last_reviewed_at"]}),
        (_("Record"), {"classes": ["collapse"], "fields": ["rendered_with", "created_at", "updated_at"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        if self.fieldsets:
            return self.fieldsets
        content = [f for f in self.get_fields(request, obj) if f not in self._publication_field_names()]
        return [(None, {"fields": content}), *self.publishable_fieldsets]

    def _publication_field_names(self) -> set[str]:
        return {name for _title, options in self.publishable_fieldsets for name in options["fields"]}


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    pass


@admin.register(Contributor)
class ContributorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "credentials", "user"]
    search_fields = ["name", "credentials"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["key", "title", "source_type", "venue", "year"]
    list_filter = ["source_type", "year"]
    search_fields = ["key", "title", "authors", "venue", "doi", "pmid"]


@admin.register(SafetyNotice)
class SafetyNoticeAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "updated_at"]

    def has_add_permission(self, request) -> bool:
        return not SafetyNotice.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
