from django.contrib import admin

from editorial.admin import PublishableAdmin

from .models import RiskItem


@admin.register(RiskItem)
class RiskItemAdmin(PublishableAdmin):
    list_display = [*PublishableAdmin.list_display, "category", "severity", "evidence_level"]
    list_filter = [*PublishableAdmin.list_filter, "category", "severity", "evidence_level"]
