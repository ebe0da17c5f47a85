"""Staff-only Markdown endpoints for the admin editor, and the shared public views."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.views import View
from django.views.generic import DetailView

from .markdown import markdownify
from .models import Contributor, Page
from .uploads import ImageUploadForm

MAX_PREVIEW_CHARS = 100_000


class StaffOnlyMixin:
    """403 for anyone but active staff: these endpoints are never for the public."""

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_staff):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MarkdownPreviewView(StaffOnlyMixin, View):
    """The admin editor's live preview, rendered by the real pipeline."""

    http_method_names = ["post"]

    def post(self, request):
        content = request.POST.get("content")
        if content is None:
            return JsonResponse({"content": ["This field is required."]}, status=400)
        if len(content) > MAX_PREVIEW_CHARS:
            return JsonResponse({"content": [f"At most {MAX_PREVIEW_CHARS} characters."]}, status=400)
        return HttpResponse(markdownify(content), content_type="text/html; charset=utf-8")


class ImageUploadView(StaffOnlyMixin, View):
    """Image upload from the admin editor; answers with the Markdown to insert."""

    http_method_names = ["post"]

    def post(self, request):
        form = ImageUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse(form.errors, status=400)
        return JsonResponse({"image_code": f"![]({form.save()})"})


class PublishedDetailView(DetailView):
    """A detail page for a Publishable: 404 unless it is visible to the public."""

    def get_queryset(self):
        return super().get_queryset().published()


class PageDetailView(PublishedDetailView):
    model = Page


class ContributorDetailView(DetailView):
    model = Contributor
