"""Staff-only Markdown endpoints for the admin editor, and the shared public views."""

from pathlib import PurePosixPath

from django.contrib import admin
from django.core.exceptions import PermissionDenied, SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView

from .markdown import citation_namespace
from .markdown import render as render_markdown
from .models import Citation, Contributor, Page, Source, Status, TransitionLog
from .registry import publishable_models
from .structured_data import medical_web_page
from .uploads import FORMATS, ImageUploadForm, UploadNotStoredError
from .workflow.transitions import PUBLISHING_STEPS

MAX_PREVIEW_CHARS = 100_000


class StaffOnlyMixin:
    """403 for anyone the admin would not let in, and for staff who write no content (moderators):
    the editor's preview and image upload are for editors and medical reviewers."""

    def dispatch(self, request, *args, **kwargs):
        if not admin.site.has_permission(request) or not request.user.has_perm("editorial.submit_content"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MarkdownPreviewView(StaffOnlyMixin, View):
    """The admin editor's live preview: the body as readers will see it, rendered by the real pipeline, with the
    sources list the public page shows under it (numbered alike), and the source keys that match no Source."""

    http_method_names = ["post"]

    def post(self, request):
        content = request.POST.get("content")
        if content is None:
            return JsonResponse({"content": ["This field is required."]}, status=400)
        if len(content) > MAX_PREVIEW_CHARS:
            return JsonResponse({"content": [f"At most {MAX_PREVIEW_CHARS} characters."]}, status=400)
        rendered = render_markdown(content)
        keys = rendered.citation_keys
        sources = Source.objects.in_bulk(keys, field_name="key")
        context = {
            "body": rendered.html.strip(),
            # Unsaved, numbered as the text numbers them; an unknown key keeps its number but has no entry.
            "citations": [Citation(source=sources[key], position=n) for n, key in enumerate(keys, 1) if key in sources],
            "namespace": citation_namespace(""),
            "unknown": [key for key in keys if key not in sources],
        }
        return render(request, "admin/editorial/live_preview.html", context)


class ImageUploadView(StaffOnlyMixin, View):
    """Image upload from the admin editor; answers with the Markdown to insert, or {"image": [message]}
    (400: the file is refused; 503: it could not be stored, and nothing was left behind)."""

    http_method_names = ["post"]

    def post(self, request):
        form = ImageUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse(form.errors, status=400)
        try:
            url = form.save()
        except UploadNotStoredError as error:
            return JsonResponse({"image": [error.message]}, status=503)
        return JsonResponse({"image_code": f"![]({url})"})


class QueryFormMixin:
    """Query parameters go through a form; invalid input re-renders the page with a 400.

    Views using it name `template_name` or `invalid_template_name`: a 400 page has no object to
    derive a template name from.
    """

    query_form_class = None
    # The page shown for invalid parameters: by default the view's own page, with the errors.
    invalid_template_name = None

    def get(self, request, *args, **kwargs):
        self.query_form = self.query_form_class(request.GET)
        if not self.query_form.is_valid():
            context = {"form": self.query_form, "object_list": [], "is_paginated": False}
            return render(request, self.invalid_template_name or self.template_name, context, status=400)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.query_form, **kwargs)


class PublishedDetailView(DetailView):
    """A detail page for a Publishable: 404 unless it is visible to the public.

    Archived items answer 410 Gone, or 301 to the item that superseded them.
    Staff previews (from the admin) pass `preview_object` and get the same page.
    """

    # (label, URL name) of the list page this item sits under, for the breadcrumbs.
    parent_page: tuple[str, str] | None = None
    # What the page is about, for its MedicalWebPage JSON-LD; None: the type has no such node.
    about: list[dict] | None = None
    preview_object = None
    # The query parameters the page reads, for the page cache (page_cache/middleware.py): none.
    page_cache_parameters = {}

    def get_queryset(self):
        queryset = super().get_queryset().with_sources().select_related("author", "reviewed_by")
        updates = TransitionLog.objects.filter(material_change=True, transition__in=PUBLISHING_STEPS).order_by(
            "-created_at"
        )
        return queryset.published().prefetch_related(Prefetch("transition_logs", updates, to_attr="updates"))

    def get_object(self, queryset=None):
        return self.preview_object if self.preview_object is not None else super().get_object(queryset)

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            model = super().get_queryset().model
            archived = model.objects.filter(slug=kwargs.get("slug"), status=Status.ARCHIVED).first()
            if archived is None:
                raise
            successor = archived.superseded_by
            if successor is not None and successor.is_public:
                return HttpResponsePermanentRedirect(successor.get_absolute_url())
            return render(request, "410.html", {"object": archived}, status=410)

    def get_context_data(self, **kwargs):
        crumbs = [("Home", reverse("home"))]
        if self.parent_page:
            crumbs.append((self.parent_page[0], reverse(self.parent_page[1])))
        if self.about is not None and self.preview_object is None:
            kwargs.setdefault("structured_data", [medical_web_page(self.object, self.about)])
        return super().get_context_data(
            breadcrumbs=[*crumbs, (self.object.title, None)], preview=self.preview_object is not None, **kwargs
        )


class PageDetailView(PublishedDetailView):
    model = Page


class ContributorDetailView(DetailView):
    model = Contributor
    page_cache_parameters = {}  # page_cache/middleware.py: the query parameters this page reads

    def get_context_data(self, **kwargs):
        role = Q(author=self.object) | Q(reviewed_by=self.object)
        work = [item for model in publishable_models() for item in model.objects.published().filter(role)[:50]]
        work.sort(key=lambda item: item.published_at, reverse=True)
        return super().get_context_data(work=work, **kwargs)


# The formats uploads are re-encoded to (uploads.FORMATS: Pillow's name -> our extension).
MEDIA_TYPES = {f".{extension}": f"image/{image_format.lower()}" for image_format, extension in FORMATS.items()}


def media_file(request, name):
    """An uploaded image, read through the storage backend: every node serves what any node stored.

    Names are random and never reused, so browsers may keep them for a year. Only image types are
    served; a proxy in front may serve the same files itself (docs/operations.md, "Running in production").

    Stored names are ours (uploads.py: a folder, a random hex name, an extension), so anything else is
    a 404 before the storage sees it: a NUL or other control character (the file system raised
    ValueError, a 500), a backslash, a character outside ASCII letters, digits and "/._-", an empty,
    hidden, "." or ".." segment (one file would answer at many addresses, or a path could climb out).
    """
    if (
        len(name) > 200
        or not name.isascii()
        or not all(character.isalnum() or character in "/._-" for character in name)
        or not all(segment[:1].isalnum() for segment in name.split("/"))
    ):
        raise Http404
    content_type = MEDIA_TYPES.get(PurePosixPath(name).suffix.lower())
    if content_type is None:
        raise Http404
    try:
        handle = default_storage.open(name)
    except (OSError, ValueError, SuspiciousFileOperation) as error:  # missing, a name the backend refuses, outside
        raise Http404 from error
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
