import logging

from django.views.generic import TemplateView

from . import loader
from .directory import HelplinesError

logger = logging.getLogger(__name__)


class GetHelpView(TemplateView):
    """/get-help/: crisis lines, emergency numbers and the Poison Help line from content/helplines.toml.

    This page must always render. If the file cannot be read, the error is logged and the page shows the short
    crisis list (includes/_crisis_resources.html) instead of the full one. It reads one query parameter,
    `from=reply` (the thank-you after a held reply), and declares none for the page cache, so only the plain
    page is stored.
    """

    template_name = "get_help.html"

    def get_context_data(self, **kwargs):
        try:
            directory = loader.directory()  # called through the module, so a test can replace it
        except HelplinesError:
            logger.exception("Helplines unreadable; /get-help/ shows the short crisis list")
            directory = None
        return super().get_context_data(helplines=directory, **kwargs)
