"""A commenter can see or delete their comments through a signed link sent to their address."""

import logging
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache

from editorial.after_response import after_response
from editorial.net import client_ip
from editorial.net import ip_hash as keyed_hash

from .addresses import email_key
from .identity import browser_forget_all
from .models import Comment, DataRequest

logger = logging.getLogger(__name__)
SALT = "comments.data-request"


class DataRequestForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"), max_length=254)


def _send_link(email: str) -> None:
    """Mail the link if we hold comments from the address; run after the response, so neither the
    lookup nor the mail server's speed tells the requester whether the address ever commented."""
    if not Comment.objects.filter(email_key=email_key(email)).exists():
        return
    try:
        send_mail(
            _("Your comments on Kratom Info"),
            _("Open this link to see or delete your comments. It works for 24 hours.\n\n%(link)s")
            % {"link": data_link(email)},
            None,
            [email],
        )
    except Exception:
        logger.exception("Could not send a data-request link")


def data_link(email: str) -> str:
    token = signing.dumps(email.lower(), salt=SALT)
    return settings.SITE_URL + reverse("comments:data", args=[token])


@method_decorator(never_cache, name="dispatch")
class DataRequestView(View):
    template_name = "comments/data_request.html"

    def get(self, request):
        return render(request, self.template_name, {"form": DataRequestForm()})

    def post(self, request):
        form = DataRequestForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        email = form.cleaned_data["email"].lower()
        email_hash, address_hash = keyed_hash(email_key(email)), keyed_hash(client_ip(request))
        now = timezone.now()
        recent = DataRequest.objects.filter(created_at__gte=now - timedelta(days=1))
        too_many = (
            recent.filter(ip_hash=address_hash, created_at__gte=now - timedelta(hours=1)).count() >= 5
            or recent.filter(email_hash=email_hash, created_at__gte=now - timedelta(minutes=15)).exists()
            or recent.filter(email_hash=email_hash).count() >= 3
        )
        if too_many:
            message = _("Too many requests. Please wait a while; a link already sent works for 24 hours.")
            return render(request, self.template_name, {"form": form, "limited": message}, status=429)
        DataRequest.objects.create(email_hash=email_hash, ip_hash=address_hash)
        after_response(lambda: _send_link(email))  # the same answer, in the same time, either way
        return render(request, self.template_name, {"sent": True})


@method_decorator(never_cache, name="dispatch")
class DataView(View):
    template_name = "comments/data.html"

    def dispatch(self, request, token):
        try:
            self.email = signing.loads(token, salt=SALT, max_age=settings.COMMENTS_DATA_LINK_MAX_AGE)
        except signing.BadSignature:  # includes SignatureExpired
            return render(request, self.template_name, {"invalid": True}, status=400)
        return super().dispatch(request, token)

    def comments(self):
        return Comment.objects.filter(email_key=email_key(self.email)).select_related("article").order_by("-created_at")

    def get(self, request, token):
        return render(request, self.template_name, {"comments": self.comments(), "email": self.email})

    def post(self, request, token):
        with transaction.atomic():  # the deletion and the new content version commit together
            deleted = self.comments().count()
            self.comments().delete()  # replies by other people stay (their parent link is cleared)
            browser_forget_all(self.email)
        return render(request, self.template_name, {"deleted": deleted, "email": self.email})
