from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class StaffConfig(AppConfig):
    """The staff side: the admin site, two-factor login and `manage.py two_factor_reset`."""

    name = "staff"
    default = True


class StaffAdminConfig(admin_apps.AdminConfig):
    """Installs our AdminSite as `admin.site`, so apps register on it unchanged. Listed in INSTALLED_APPS in
    place of django.contrib.admin."""

    default = False
    default_site = "staff.admin.KratomAdminSite"
