from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.dashboard import editorial_dashboard
from editorial.roles import ROLES


class KratomAdminSite(admin.AdminSite):
    """The editors' admin; its index becomes the editorial dashboard."""

    site_header = _("Kratom Info editorial")
    site_title = _("Kratom Info admin")
    index_title = _("Editorial dashboard")

    def has_permission(self, request) -> bool:
        """Staff see the admin only with a role (Editor, Medical reviewer, Moderator) or as superusers."""
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        return user.is_superuser or user.groups.filter(name__in=ROLES).exists()

    def index(self, request, extra_context=None):
        """The admin home is the editors' dashboard: what needs attention, with links."""
        return super().index(request, {**editorial_dashboard(request), **(extra_context or {})})
