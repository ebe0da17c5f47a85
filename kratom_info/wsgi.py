"""WSGI entry point: `gunicorn kratom_info.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kratom_info.settings")

application = get_wsgi_application()

from operations.startup import refuse_process_local_cache  # noqa: E402 - needs the settings loaded

refuse_process_local_cache()
