"""WSGI entry point: `gunicorn kratom_info.wsgi`."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kratom_info.settings")

application = get_wsgi_application()

# A server usually runs several processes, and each would have its own process-local cache: rate
# limits and page versions would then differ between them. Refuse that unless told it is one process.
if not settings.DEBUG and settings.CACHES["default"]["BACKEND"].endswith("LocMemCache") and not settings.SINGLE_PROCESS:
    raise ImproperlyConfigured(
        "With DJANGO_DEBUG off the cache must be shared by every process: set REDIS_URL, "
        "or DJANGO_SINGLE_PROCESS=1 if exactly one process serves the site."
    )
