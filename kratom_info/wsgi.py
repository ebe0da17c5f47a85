"""WSGI entry point: `gunicorn kratom_info.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kratom_info.settings")

application = get_wsgi_application()
