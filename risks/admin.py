from django.contrib import admin

from editorial.admin import PublishableAdmin

from .models import LegalFact, RiskItem


class LegalFactInline(admin.StackedInline):
    model = LegalFact
    extra = 0
    autocomplete_fields = ["source"]


@admin.register(RiskItem)
class RiskItemAdmin(PublishableAdmin):
    short_text_fields = [*PublishableAdmin.short_text_fields, "what_to_do"]
    list_display = [*PublishableAdmin.list_display, "category", "severity", "claim_kind", "certainty", "frequency"]
    list_filter = [*PublishableAdmin.list_filter, "category", "severity", "claim_kind", "certainty", "frequency"]
    inlines = [LegalFactInline]
