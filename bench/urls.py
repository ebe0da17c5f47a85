"""The site's URLs plus a bare view: the framework's own ceiling on this machine, for the page ratios."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), path("", include("kratom_info.urls"))]
