from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class KratomAdminSite(admin.AdminSite):
    """The editors' admin; its index becomes the editorial dashboard."""

    site_header = _("Kratom Info editorial")
    site_title = _("Kratom Info admin")
    index_title = _("Editorial dashboard")
