"""The one place that reads a client's address, and the keyed hash we store instead of it."""

import hashlib
import hmac
import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The client's address, trusting X-Forwarded-For only for TRUSTED_PROXY_COUNT hops."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        # Each trusted proxy appends the address it saw; the client is `hops` entries from the end.
        if len(forwarded) >= hops:
            remote = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(remote))
    except ValueError:
        return "0.0.0.0"  # noqa: S104 - a placeholder value, never bound


def ip_hash(address: str) -> str:
    """HMAC-SHA256 of the address with IP_HASH_KEY: comparable for rate limits, never reversible."""
    return hmac.new(settings.IP_HASH_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
