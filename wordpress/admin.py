from django.contrib import admin

from .models import ImportedItem


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    """What `import_wxr` brought in, for checking; written only by the command."""

    list_display = ["kind", "original_id", "original_url", "content_type", "object_id", "imported_at", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["key", "original_url"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
