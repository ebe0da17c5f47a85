from django.contrib.admin.apps import AdminConfig


class KratomAdminConfig(AdminConfig):
    """Installs our AdminSite as `admin.site`, so apps register on it unchanged."""

    default_site = "kratom_info.admin.KratomAdminSite"
