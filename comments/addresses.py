"""An e-mail address as one person, so limits, duplicates and identity cannot be walked around by spelling."""

# Providers that deliver "a.b+c@" to "ab@".
DOTS_IGNORED = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def email_key(email: str) -> str:
    """Case folded, "+tag" dropped, dots dropped where the provider ignores them."""
    local, _at, domain = (email or "").strip().rpartition("@")
    domain = domain.lower().rstrip(".")
    local = local.lower().split("+", 1)[0]
    if domain in DOTS_IGNORED:
        local, domain = local.replace(".", ""), DOTS_IGNORED[domain]
    return f"{local}@{domain}"
