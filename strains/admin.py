from django.contrib import admin

from editorial.admin import PublishableAdmin

from .models import ReportedEffect, StrainProfile


class ReportedEffectInline(admin.TabularInline):
    model = ReportedEffect
    extra = 1
    autocomplete_fields = ["source"]


@admin.register(StrainProfile)
class StrainProfileAdmin(PublishableAdmin):
    short_text_fields = [*PublishableAdmin.short_text_fields, "marketed_names", "cautions"]
    list_display = [*PublishableAdmin.list_display, "vein_colour"]
    list_filter = [*PublishableAdmin.list_filter, "vein_colour"]
    inlines = [ReportedEffectInline]
