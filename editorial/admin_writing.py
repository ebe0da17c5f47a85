"""Writing comforts on every Publishable's change form: full-width title and summary, a body help text that
names the syntax, the "Insert image" and "Cite a source" buttons (static/admin-extra/writing.js), and the live
preview beside the body on a wide screen, under it on a narrow one (MarkdownEditor).

The buttons are added by the script, and the preview shows only once django-markdownx's script runs: without
JavaScript the body is a plain textarea.
"""

from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from markdownx.widgets import MarkdownxWidget

from .models import Source

FULL_WIDTH_FIELDS = {"title", "summary"}
BODY_HELP_TEXT = _(
    "Markdown: ## Heading, **bold**, - list item, [link text](https://…). "
    "Cite a source by its key: [@source-key] (add the Source first; “Cite a source” lists them). "
    "Images need alt text: ![what the image shows](url), or ![decorative](url) for an image that adds "
    "nothing a reader needs (“Insert image” asks for it). Raw HTML is sanitised away."
)


class MarkdownEditor(MarkdownxWidget, AdminTextareaWidget):
    """django-markdownx's editor, its preview a labelled region that shows the body as readers will see it
    (editorial.views.MarkdownPreviewView), laid out and styled by admin-extra/preview.css. Not markdownx's admin
    stylesheet: it fixes both boxes at 610 px and gives the preview a look of its own."""

    # In the app's own templates/: the form renderer (Django's default) reads widget templates from apps.
    template_name = "editorial/widgets/markdown_editor.html"

    class Media:
        css = {"all": ["admin-extra/preview.css"]}


class WritingComfortsMixin:
    """For PublishableAdmin: the form's widths, help text and buttons, and the sources list the picker reads."""

    @property
    def media(self):
        extra = forms.Media(css={"all": ["admin-extra/writing.css"]}, js=["admin-extra/writing.js"])
        return super().media + extra

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return field
        if db_field.name in FULL_WIDTH_FIELDS:
            field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} full-width".strip()
        if db_field.name == "body":
            field.help_text = BODY_HELP_TEXT
            opts = self.model._meta
            field.widget.attrs["data-sources-url"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_sources")
        return field

    def get_urls(self):
        opts = self.model._meta
        own = [
            path(
                "sources.json",
                self.admin_site.admin_view(self.sources_view),
                name=f"{opts.app_label}_{opts.model_name}_sources",
            )
        ]
        return [*own, *super().get_urls()]

    def sources_view(self, request):
        """The citable sources, key and title, for whoever may write this type."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        sources = [
            {"key": key, "title": title} for key, title in Source.objects.order_by("key").values_list("key", "title")
        ]
        return JsonResponse({"sources": sources})
