from django.contrib import admin

from editorial.admin import PublishableAdmin

from .models import Article, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    short_text_fields = [*PublishableAdmin.short_text_fields, "key_takeaways"]
    list_display = [*PublishableAdmin.list_display, "is_featured"]
    list_filter = [*PublishableAdmin.list_filter, "is_featured", "topics"]
    filter_horizontal = ["topics", "related_risks", "related_faqs"]
    readonly_fields = [*PublishableAdmin.readonly_fields, "reading_time"]
