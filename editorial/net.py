"""The one place that reads a client's address, the bucket rate limits count it in, and the keyed hash
we store instead of it.

Buckets. An IPv4 address is its own bucket. An IPv6 address counts as its /64: a home, phone or server
is routinely given a whole /64, so counting single v6 addresses would let one machine post from 2^64
"different" ones. One address is one bucket however it is written: IPv4-mapped (::ffff:1.2.3.4 is
1.2.3.4), any case or zero padding, with a zone id (fe80::1%eth0), quoted, or with the port some proxies
add (1.2.3.4:5678, [2001:db8::1]:443).

Unknown addresses. When the address cannot be read (a proxy wrote "unknown" or garbage, fewer
X-Forwarded-For entries arrived than TRUSTED_PROXY_COUNT, or the unspecified 0.0.0.0 or ::),
`client_ip` logs it (editorial.net, a warning) and raises UnknownClientAddress, a 400. Refusing is
deliberate. Pooling such requests in one placeholder bucket lets one abuser use up the limit for
everyone and lock every staff member out at once; a fresh bucket per request would switch rate limits
and lockouts off for exactly the requests we cannot trace.
Only the endpoints that write ask for the address (reply POST, data-request POST, staff login), so
reading the site never needs one. An unreadable address means the proxy settings are wrong, which the
operator has to fix; it is not something a reader can change.
"""

import hashlib
import hmac
import ipaddress
import logging

from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
V6_BUCKET_PREFIX = 64


class UnknownClientAddress(BadRequest):
    """The client's address cannot be read. Left alone, Django answers with its 400 page. The reply page
    catches it like its own refusals (`message`, `status`), so a post that mentions a crisis still shows
    the help lines and the reader keeps their text."""

    status = 400

    @property
    def message(self) -> str:
        return _("Your reply could not be sent because of a fault on our side. Please try again later.")


def _is_port(text: str) -> bool:
    return text.isascii() and text.isdigit()


def parse_address(value: str) -> IPAddress | None:
    """An address as a proxy or server wrote it (port, brackets, quotes, zone id allowed), normalised:
    IPv4-mapped v6 becomes v4 and the zone id is dropped. None when it is not a usable address."""
    text = value.strip().strip("\"'").strip()
    if text.startswith("["):  # [v6] or [v6]:port
        text, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not (rest.startswith(":") and _is_port(rest[1:]))):
            return None
    elif text.count(":") == 1:  # v4:port; a bare v6 address has at least two colons
        text, _colon, port = text.partition(":")
        if not _is_port(port):
            return None
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6:
        # A zone id names the interface the packet came in on, not the host that sent it.
        address = address.ipv4_mapped or ipaddress.IPv6Address(int(address))
    # 0.0.0.0 and :: are placeholders some software writes; as a bucket they would be shared by all.
    return None if address.is_unspecified else address


def address_bucket(address: str) -> str | None:
    """The rate-limit bucket of an address: an IPv4 address itself, an IPv6 address's /64 written as its
    first address (a valid address, so axes can store it). None when `address` is not an address."""
    parsed = parse_address(address)
    if parsed is None:
        return None
    if parsed.version == 4:
        return str(parsed)
    return str(ipaddress.IPv6Network((parsed, V6_BUCKET_PREFIX), strict=False).network_address)


def client_ip(request) -> str:
    """The client's address, trusting X-Forwarded-For for exactly TRUSTED_PROXY_COUNT hops.

    Raises UnknownClientAddress (400) when it cannot be read; see the module's docstring for why."""
    hops = settings.TRUSTED_PROXY_COUNT
    if hops > 0:
        # Each trusted proxy appends the address it saw, so the client is `hops` entries from the end;
        # anything before that was written by the client. With fewer entries the request did not come
        # through our proxies as configured, and REMOTE_ADDR would be a proxy that every reader shares.
        entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        value = entries[-hops] if len(entries) >= hops else ""
    else:
        value = request.META.get("REMOTE_ADDR", "")
    address = parse_address(value)
    if address is None:
        # Logged here, because the reply page handles the refusal itself; not the value, which may
        # hold the reader's address.
        problem = f"The client's address could not be read (TRUSTED_PROXY_COUNT={hops}), so it was refused"
        logger.warning("%s. Check that each proxy appends the client's address to X-Forwarded-For.", problem)
        raise UnknownClientAddress(problem)
    return str(address)


def keyed_hash(text: str) -> str:
    """HMAC-SHA256 with IP_HASH_KEY: comparable for limits, never reversible."""
    return hmac.new(settings.IP_HASH_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def ip_hash(address: str) -> str:
    """The keyed hash of the address's bucket, so every limit keyed on it counts a /64 as one reader and
    every spelling of an address as that address. IPv4 hashes are the same as before buckets existed.

    Text that is not an address (an e-mail key, an imported WordPress value) is hashed as given; a live
    request never gets here with one, because `client_ip` refuses it."""
    return keyed_hash(address_bucket(address) or address)


def axes_client_address(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the bucket, so a lockout covers a /64 and every spelling and port.

    When the address is unknown this returns None instead of raising: axes also asks for the address
    when someone logs in or out, and those must keep working. A login attempt from an unknown address
    is refused by `axes_refuse_unknown_address` instead, so no failure is ever counted under the NULL
    address that every unknown request would share."""
    try:
        return address_bucket(client_ip(request))
    except UnknownClientAddress:
        return None


def axes_refuse_unknown_address(request, credentials=None) -> bool:
    """AXES_WHITELIST_CALLABLE, which whitelists nobody. axes calls it before deciding on a login attempt
    and before recording a failure, and only then, so an unknown address gets a 400 here before any
    password is checked."""
    if getattr(request, "axes_ip_address", "") is None:
        raise UnknownClientAddress("Staff login refused: the client's address could not be read")
    return False
