from django.conf import settings


def site(request) -> dict:
    """Absolute links (canonical, feeds) come from SITE_URL, never from the Host header."""
    return {"SITE_URL": settings.SITE_URL}
