"""The comment screen and its support-resources preview, for CommentAdmin.

A comment opens on the decision: the comment in full and why it was held, for an urgent one a banner with
what to do, then the decision buttons with one note field, then the writer's last comments, then the
details, read-only. A comment changes only through a decision (CommentAdmin.moderate_view) or the support
mail's confirmation (support_view), never by saving its form.

"Send support resources" opens a page showing the exact mail (moderation.support_mail builds the preview
and the send), with the note; confirming asks for it once (moderation.support_mail_request).
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from editorial.notifications import display_name

from .models import Comment, CommentStatus
from .moderation import has_address, support_mail, support_mail_request

NOTE_MAX = 2000


class SupportForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note (saved with the request)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def decided_record(comment: Comment) -> str:
    """The decision so far, for the comment's meta line: "Rejected by X at T", or how long it has waited."""
    if comment.status == CommentStatus.PENDING:
        return _("waiting %(time)s") % {"time": timesince(comment.created_at)}
    if comment.moderated_at is None:  # published at once, or imported as decided
        return str(comment.get_status_display())
    return _("%(status)s by %(who)s at %(when)s") % {
        "status": comment.get_status_display(),
        "who": display_name(comment.moderated_by),
        "when": _stamp(comment.moderated_at),
    }


def support_record(comment: Comment) -> str:
    """What the comment screen and the preview say about its support mail: who asked, when, their note."""
    if comment.support_sent_at:
        said = _("Support resources sent by %(who)s at %(when)s")
        when = comment.support_sent_at
    elif comment.support_requested_at:
        said = _(
            "Support resources asked for by %(who)s at %(when)s, not sent yet: the hourly digest tries again, "
            "and after 10 minutes you may ask again"
        )
        when = comment.support_requested_at
    else:
        return ""
    said %= {"who": display_name(comment.support_sent_by), "when": _stamp(when)}
    return f"{said}: {comment.support_note}" if comment.support_note else f"{said}."


def _stamp(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j M Y H:i")


class CommentScreenMixin:
    """For CommentAdmin: the comment screen (change_view) and the support mail's preview (support_view)."""

    def may_moderate(self, request, comment=None) -> bool:
        """Whether the user decides on comments: the model's change permission."""
        return super().has_change_permission(request, comment)

    def has_change_permission(self, request, obj=None) -> bool:
        # A comment is never edited through its form: the screen is read-only (no Save, no checkbox),
        # and decisions go through their own views. The queue's actions keep the permission (obj is None).
        return obj is None and super().has_change_permission(request)

    def get_fieldsets(self, request, obj=None):
        # The text, its reasons and its urgency lead the screen, in words; the details follow the decision.
        above = ("body", "hold_reasons", "is_urgent")
        details = [name for name in self.get_fields(request, obj) if name not in above]
        return [(_("Details"), {"fields": details})]

    def get_urls(self):
        support = path(
            "<path:object_id>/support/",
            self.admin_site.admin_view(require_http_methods(["GET", "POST"])(self.support_view)),
            name="comments_comment_support",
        )
        return [support, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        comment = self.get_object(request, unquote(object_id))
        if comment is not None:
            earlier = (
                Comment.objects.filter(email_key=comment.email_key).exclude(pk=comment.pk).select_related("article")
                if has_address(comment)
                else Comment.objects.none()  # writers with no address (imports) are not one person
            )
            extra_context = {
                **(extra_context or {}),
                "title": _("Comment by %(name)s") % {"name": comment.name},
                "subtitle": "",  # the admin's would repeat the comment's first words
                "earlier": earlier.order_by("-created_at")[:10],
                "can_moderate": self.may_moderate(request, comment),
                "decisions": decisions(comment, reverse("admin:comments_comment_support", args=[comment.pk])),
                "support_record": support_record(comment),
                "decided_record": decided_record(comment),
                "note_max": NOTE_MAX,
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def support_view(self, request, object_id):
        """GET, or POST from the comment screen (carrying its note): the mail as it will be sent, to confirm.
        POST with `confirm`: ask for it once; a second confirmation sends nothing and says so."""
        comment = self.get_object(request, unquote(object_id))
        if comment is None or not self.may_moderate(request, comment):
            raise Http404
        back = reverse("admin:comments_comment_change", args=[comment.pk])
        form = SupportForm(request.POST if request.method == "POST" else None)
        if form.is_valid() and "confirm" in request.POST:
            if support_mail_request(comment=comment, user=request.user, note=form.cleaned_data["note"]):
                messages.success(
                    request,
                    _("Support resources asked for: they go out in a moment, and this page shows when they have."),
                )
            else:  # a double click, or another moderator first
                comment.refresh_from_db()
                said = _("Nothing more was sent, and your note was not saved.")
                messages.warning(request, f"{support_record(comment)} {said}")
            return HttpResponseRedirect(back)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Send support resources?"),
            "original": comment,
            "form": form,
            "mail": support_mail(comment.email),
            "show_address": comment.is_urgent,  # as on the comment screen: moderators see it only there
            "support_record": support_record(comment),
            "can_send": comment.support_sent_at is None and has_address(comment),
            "no_address": not has_address(comment),
            "back": back,
        }
        status = 400 if form.is_bound and not form.is_valid() else 200
        return TemplateResponse(request, "admin/comments/comment/support_preview.html", context, status=status)


def decisions(comment: Comment, support_url: str) -> list[dict]:
    """The decision buttons, in order. For an urgent comment: support resources first (they open a preview),
    reject before approve, never spam. Otherwise approve first. The current status is not offered again."""
    buttons = {
        "approve": {"value": "approve", "label": _("Approve"), "tone": "" if comment.is_urgent else "primary"},
        "reject": {"value": "reject", "label": _("Reject"), "tone": "danger"},
        "spam": {"value": "spam", "label": _("Mark as spam"), "tone": "caution"},
        "support": {
            "value": "support",
            "label": _("Send support resources…"),
            "tone": "primary" if comment.is_urgent else "",
            "formaction": support_url,
        },
    }
    order = ["support", "reject", "approve"] if comment.is_urgent else ["approve", "reject", "spam", "support"]
    current = {CommentStatus.APPROVED: "approve", CommentStatus.REJECTED: "reject", CommentStatus.SPAM: "spam"}
    skip = {current.get(comment.status), "support" if comment.support_sent_at else None}
    return [buttons[name] for name in order if name not in skip]
