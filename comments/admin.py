from django.contrib import admin

from editorial.admin_workflow import HistoryAdmin

from .models import Comment, ModerationSettings


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["name", "article", "status", "is_urgent", "created_at"]
    list_filter = ["status", "is_urgent"]
    list_select_related = ["article"]
    search_fields = ["name", "email", "body"]
    readonly_fields = ["article", "parent", "name", "email", "body", "hold_reasons", "is_urgent", "ip_hash",
                       "user_agent", "created_at", "moderated_by", "moderated_at"]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).order_by("-is_urgent", "status", "created_at")


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(HistoryAdmin):
    def has_add_permission(self, request) -> bool:
        return not ModerationSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
