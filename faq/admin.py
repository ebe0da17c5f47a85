from django.contrib import admin

from editorial.admin import PublishableAdmin

from .models import FAQCategory, FAQEntry


@admin.register(FAQCategory)
class FAQCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(FAQEntry)
class FAQEntryAdmin(PublishableAdmin):
    list_display = [*PublishableAdmin.list_display, "category", "order"]
    list_filter = [*PublishableAdmin.list_filter, "category"]
    list_select_related = [*PublishableAdmin.list_select_related, "category"]
