"""Old links keep working: a stored Redirect answers 301 where the site itself answered 404."""

from django.http import HttpResponsePermanentRedirect

from .models import Redirect


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
