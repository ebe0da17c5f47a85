"""A commenter can see or delete their comments through a signed link sent to their address."""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache

from .models import Comment

SALT = "comments.data-request"


class DataRequestForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"), max_length=254)


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
        email = form.cleaned_data["email"]
        if Comment.objects.filter(email__iexact=email).exists():
            send_mail(
                _("Your comments on Kratom Info"),
                _("Open this link to see or delete your comments. It works for 24 hours.\n\n%(link)s")
                % {"link": data_link(email)},
                None,
                [email],
            )
        # The same answer either way, so nobody learns whose address has comments here.
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
        return Comment.objects.filter(email__iexact=self.email).select_related("article").order_by("-created_at")

    def get(self, request, token):
        return render(request, self.template_name, {"comments": self.comments(), "email": self.email})

    def post(self, request, token):
        deleted, _details = self.comments().delete()
        return render(request, self.template_name, {"deleted": deleted, "email": self.email})
