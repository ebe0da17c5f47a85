"""An item's public page as it would look, for staff in the admin: a draft, or a pending revision."""

from csp.decorators import csp_replace
from django.urls import resolve
from django.utils.cache import add_never_cache_headers
from django.views.decorators.clickjacking import xframe_options_sameorigin

from .views import PageDetailView, PublishedDetailView


# The review screen frames the preview beside the fields: the admin's own pages may frame it, nobody else.
@xframe_options_sameorigin
@csp_replace({"frame-ancestors": ["'self'"]})
def render_preview(request, obj):
    """The item's public page, as readers will see it, marked as a preview; never cached, never indexed."""
    match = resolve(obj.get_absolute_url())
    view_class = getattr(match.func, "view_class", None)
    if not (view_class and issubclass(view_class, PublishedDetailView)):
        view_class = PageDetailView
    response = view_class.as_view(preview_object=obj)(request, **match.kwargs)
    response.render()
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response
