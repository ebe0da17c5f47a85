import secrets
import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import Comment

SALT = "comments.reply-form"
TAG_LIKE = ("<", ">")
# Characters that can disguise text: bidirectional overrides and invisible formatting.
DISGUISING = {"Cf", "Co", "Cs"}


def plain_text(value: str) -> None:
    """Refuse markup and characters that can hide or reorder what a moderator sees."""
    if any(mark in value for mark in TAG_LIKE):
        raise forms.ValidationError(_("Please write plain text, without < or > (HTML is not allowed)."))
    for character in value:
        category = unicodedata.category(character)
        if (category == "Cc" and character not in "\n\r\t") or category in DISGUISING:
            raise forms.ValidationError(_("The text contains hidden or control characters. Please retype it."))


def new_timestamp(article_id: int) -> str:
    """The form's signed stamp: which article, when, and a one-time number (one form, one comment)."""
    return signing.dumps({"a": article_id, "t": time.time(), "n": secrets.token_hex(16)}, salt=SALT)


class ReplyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80, validators=[plain_text])
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, help_text=_("Never shown. Used only if a moderator needs to reach you.")
    )
    body = forms.CharField(
        label=_("Comment"), max_length=Comment._meta.get_field("body").max_length, min_length=2,
        widget=forms.Textarea(attrs={"rows": 8}), validators=[plain_text], strip=True,
    )  # fmt: skip
    # Bots fill every field; people never see this one.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    ts = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("This field must be left empty."))
        return ""

    def clean_ts(self):
        try:
            stamp = signing.loads(self.cleaned_data["ts"], salt=SALT, max_age=settings.COMMENTS_MAX_AGE_SECONDS)
        except signing.SignatureExpired as error:
            raise forms.ValidationError(
                _("This form is too old. Please copy your comment and reload the page.")
            ) from error
        except (signing.BadSignature, ValueError, TypeError) as error:
            raise forms.ValidationError(_("This form could not be checked. Please reload the page.")) from error
        if not isinstance(stamp, dict) or stamp.get("a") != self.article.pk:
            raise forms.ValidationError(_("This form belongs to another page. Please reload the page."))
        age = time.time() - float(stamp.get("t", 0))
        if age > settings.COMMENTS_MAX_AGE_SECONDS:
            raise forms.ValidationError(_("This form is too old. Please copy your comment and reload the page."))
        if age < settings.COMMENTS_MIN_SECONDS:
            raise forms.ValidationError(_("That was very fast. Please wait a moment and send again."))
        nonce = stamp.get("n")
        if not isinstance(nonce, str) or len(nonce) != 32:
            raise forms.ValidationError(_("This form could not be checked. Please reload the page."))
        return nonce


class ParentForm(forms.Form):
    parent = forms.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
