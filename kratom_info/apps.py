from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class KratomInfoConfig(AppConfig):
    """The project package as an app: site-wide management commands (demo content)."""

    name = "kratom_info"
    default = True


class KratomAdminConfig(admin_apps.AdminConfig):
    """Installs our AdminSite as `admin.site`, so apps register on it unchanged."""

    default = False
    default_site = "kratom_info.admin.KratomAdminSite"
