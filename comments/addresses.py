"""An e-mail address as one person, so limits, duplicates and identity cannot be walked around by spelling."""

import contextlib
import unicodedata

# Providers that deliver "a.b+c@" to "ab@".
DOTS_IGNORED = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def email_key(email: str) -> str:
    """Compatibility forms folded (fullwidth letters), case folded, the domain in its ASCII (IDNA) form,
    quotes around the local part dropped, "+tag" dropped, dots dropped where the provider ignores them."""
    local, _at, domain = unicodedata.normalize("NFKC", email or "").strip().rpartition("@")
    domain = domain.casefold().rstrip(".")
    with contextlib.suppress(UnicodeError):  # a domain IDNA cannot spell is compared as written
        domain = domain.encode("idna").decode("ascii")
    local = local.strip('"').casefold().split("+", 1)[0]
    if domain in DOTS_IGNORED:
        local, domain = local.replace(".", ""), DOTS_IGNORED[domain]
    return f"{local}@{domain}"
