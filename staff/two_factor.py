"""Two-factor login for staff: a password (django-axes limits it), then a code from an authenticator app.

django-otp keeps the devices and verifies the codes (with its own back-off after wrong codes); this
module adds the one screen staff see after their password: enrol an app (a QR code and the key), or
enter a code every later time. `STAFF_TWO_FACTOR` turns the requirement on; it is on whenever debug is off.

Enrolling needs an invitation: `manage.py two_factor_reset <username>` (for a new account, or a lost
phone) makes one that lasts INVITATION_DAYS. Without it, a stolen password could enrol the thief's phone.
"""

import base64
import logging
from datetime import timedelta

import segno
from django import forms
from django.conf import settings
from django.core import checks
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger("kratom_info.security")  # the name log filters match: kept when the module moved
DEVICE_NAME = "Authenticator app"
INVITATION_DAYS = 7


def invitation_for(user) -> TOTPDevice | None:
    """An administrator's unexpired invitation to enrol: an unconfirmed device, made by two_factor_reset."""
    since = timezone.now() - timedelta(days=INVITATION_DAYS)
    return TOTPDevice.objects.filter(user=user, confirmed=False, created_at__gte=since).order_by("-created_at").first()


def invite(user) -> TOTPDevice:
    """Remove the user's devices and invite them to enrol a new authenticator app at their next login."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def required() -> bool:
    return settings.STAFF_TWO_FACTOR


def verified(request) -> bool:
    """True when the requirement is off, or this session entered a code."""
    return not required() or request.user.is_verified()


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Six-digit code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        max_length=20,
        error_messages={"invalid": _("Enter the six digits your app shows, without letters.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, user, device: TOTPDevice, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.device, self.throttled = user, device, False

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            self.throttled = True
            raise forms.ValidationError(_("Too many wrong codes. Wait a minute, then try the newest code."))
        if verify_token(self.user, self.device.persistent_id, token) is None:
            raise forms.ValidationError(
                _("That code did not match. Codes change every 30 seconds: check the phone's clock, try the newest.")
            )
        return token


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG QR code in a data: URI (the CSP allows data: images)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=4)


def key_for_typing(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for apps without a camera."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return target if allowed else reverse("admin:index")


def two_factor_view(request, admin_site):
    """Enrol an authenticator app (first login) or enter a code from it (every login)."""
    user = request.user
    if not admin_site.has_role(request):
        return redirect(f"{reverse('admin:login')}?next={reverse('admin:index')}")
    if verified(request):
        return redirect(safe_next(request))
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or invitation_for(user)
    if device is None:
        logger.warning("two-factor: %s has no authenticator app and no invitation to enrol one", user.get_username())
        context = {**admin_site.each_context(request), "title": _("Two-step sign-in is not set up")}
        return TemplateResponse(request, "admin/two_factor_uninvited.html", context, status=403)
    form = TokenForm(request.POST if request.method == "POST" else None, user=user, device=device)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                if not device.confirmed:
                    device.confirmed = True
                    device.save(update_fields=["confirmed"])
                    logger.info("two-factor: %s enrolled an authenticator app", user.get_username())
                otp_login(request, device)
            request.session.cycle_key()  # a new session id for the session that now has both factors
            return redirect(safe_next(request))
        status = 429 if form.throttled else 400
        reason = "throttled" if form.throttled else "no match"
        logger.warning("two-factor: wrong code for %s (%s)", user.get_username(), reason)
    context = {
        **admin_site.each_context(request),
        "title": _("Two-step sign-in") if device.confirmed else _("Set up two-step sign-in"),
        "form": form,
        "enrolling": not device.confirmed,
        "qr_code": None if device.confirmed else qr_code_data_uri(device),
        "key": None if device.confirmed else key_for_typing(device),
        "next": safe_next(request),
    }
    return TemplateResponse(request, "admin/two_factor.html", context, status=status)


@checks.register(checks.Tags.security, deploy=True)
def check_two_factor(app_configs, **kwargs):
    """A deployment without two-factor login for staff is flagged by `check --deploy`."""
    if settings.STAFF_TWO_FACTOR:
        return []
    return [
        checks.Warning(
            "Two-factor login for staff is off (DJANGO_STAFF_TWO_FACTOR).",
            hint="Leave it on in production: a stolen password alone then does not open the admin.",
            id="kratom_info.W001",  # as docs/security.md and any SILENCED_SYSTEM_CHECKS name it
        )
    ]
