"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kratom_info.settings")

application = get_asgi_application()

from operations.startup import refuse_process_local_cache  # noqa: E402 - needs the settings loaded

refuse_process_local_cache()
