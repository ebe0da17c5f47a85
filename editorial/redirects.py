"""Old links keep working: a published item whose slug changes leaves a 301 behind, in one hop, never a loop."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import HttpResponsePermanentRedirect

from .models import Redirect


def redirect_record(*, old_path: str, obj) -> None:
    """Send `old_path` to the item's current address; earlier redirects to `old_path` follow (one hop)."""
    new_path = obj.get_absolute_url()
    if old_path == new_path:
        return
    with transaction.atomic():
        Redirect.objects.filter(new_path=old_path).update(new_path=new_path)  # chains collapse to one hop
        Redirect.objects.filter(old_path=new_path).delete()  # the new address is live: nothing sends it away
        Redirect.objects.update_or_create(
            old_path=old_path,
            defaults={
                "new_path": new_path,
                "content_type": ContentType.objects.get_for_model(obj),
                "object_id": obj.pk,
            },
        )


class RedirectFallbackMiddleware:
    """Like django.contrib.redirects: looked up only when the page is a 404."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or "\x00" in request.path or len(request.path) > 300:
            return response  # (no stored path can hold NUL or be that long; PostgreSQL would refuse the NUL)
        redirect = Redirect.objects.filter(old_path=request.path).first()
        if redirect is None:
            return response
        if redirect.content_type_id is not None:
            target = redirect.target
            if target is None or not target.is_public:  # the item is gone or unpublished: still a 404
                return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(redirect.new_path + (f"?{query}" if query else ""))
