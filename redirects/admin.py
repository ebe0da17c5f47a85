from django.contrib import admin

from .models import Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old addresses that answer 301. Slug changes of live items add them; editors may add their own."""

    list_display = ["old_path", "new_path", "content_type", "created_at"]
    search_fields = ["old_path", "new_path"]
    list_select_related = ["content_type"]
