from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from editorial.admin_history import SingletonAdmin

from .admin_queue import ModerationQueueMixin
from .admin_screen import NOTE_MAX, CommentScreenMixin
from .models import Comment, CommentStatus, ModerationSettings
from .moderation import DECISIONS, AlreadyHandledError, comment_moderate


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(choices=[(key, key) for key in DECISIONS])  # support: CommentAdmin.support_view
    note = forms.CharField(required=False, max_length=NOTE_MAX)
    # The status the moderator saw: the update applies only if it is still so.
    seen = forms.ChoiceField(choices=CommentStatus.choices)


def _bulk(decision: str, label: str):
    def action(modeladmin, request, queryset):
        done = 0
        # Selected comments no longer in the (pending) list were decided by someone else meanwhile.
        gone = set(request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME)) - {
            str(pk) for pk in queryset.values_list("pk", flat=True)
        }
        if gone:
            modeladmin.message_user(
                request,
                _("%(count)d comment(s): someone else handled this comment already.") % {"count": len(gone)},
                messages.WARNING,
            )
        for comment in queryset:
            try:
                if comment.status != CommentStatus.PENDING:  # decided since the queue was shown
                    raise AlreadyHandledError(_("Someone else handled this comment already."))
                if comment.is_urgent and decision == "approve":
                    raise ValueError(_("Urgent comments are decided one at a time, after reading them in full."))
                comment_moderate(comment=comment, decision=decision, user=request.user)
                done += 1
            except (AlreadyHandledError, ValueError) as refusal:
                modeladmin.message_user(request, f"“{Truncator(comment.body).chars(40)}”: {refusal}", messages.WARNING)
        if done:
            modeladmin.message_user(request, _("%(count)d comment(s): %(label)s.") % {"count": done, "label": label})

    action.__name__ = f"moderate_{decision}"
    return admin.action(description=label, permissions=["change"])(action)


@admin.register(Comment)
class CommentAdmin(ModerationQueueMixin, CommentScreenMixin, admin.ModelAdmin):
    """The moderation queue (its columns: admin_queue.py) and each comment's screen (admin_screen.py): urgent
    (crisis) comments first, then the oldest waiting."""

    change_form_template = "admin/comments/comment/change_form.html"
    list_filter = ["status", "is_urgent", "imported"]
    search_fields = ["name", "body"]  # not e-mail: moderators never need to look an address up
    readonly_fields = [
        "article", "parent", "name", "email", "body", "status", "hold_reasons", "is_urgent", "imported", "created_at",
        "moderated_by", "moderated_at", "moderation_note", "alerted_at", "support_requested_at", "support_sent_at",
        "support_sent_by", "support_note", "user_agent",
    ]  # fmt: skip
    exclude = ["ip_hash", "email_key", "form_nonce", "confirmation_sent_at"]

    PRIVATE_FIELDS = ("email", "email_key", "ip_hash", "form_nonce", "user_agent")

    def lookup_allowed(self, lookup, value, request=None) -> bool:
        # The admin takes filters from the address bar; ?email__startswith= would spell an address out.
        if lookup.split("__", 1)[0] in self.PRIVATE_FIELDS:
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_fields(self, request, obj=None):
        # The writer's address is shown only where an action needs it: an urgent comment, in case the
        # writer is in danger and the escalation procedure needs a way to reach them.
        fields = super().get_fields(request, obj)
        return fields if obj is not None and obj.is_urgent else [name for name in fields if name != "email"]

    actions = [
        _bulk("approve", _("Approve")),
        _bulk("reject", _("Reject")),
        _bulk("spam", _("Mark as spam")),
    ]  # support resources: one writer at a time, from the comment's page, after their preview (admin_screen.py)

    ordering = ["-is_urgent", "created_at", "pk"]

    def changelist_view(self, request, extra_context=None):
        # Moderators land on what is waiting; the status filter shows everything else.
        if not request.GET:
            return HttpResponseRedirect(f"{request.path}?status__exact={CommentStatus.PENDING}")
        return super().changelist_view(request, extra_context)

    def has_add_permission(self, request) -> bool:
        return False

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/moderate/", wrap(require_POST(self.moderate_view)), name="comments_comment_moderate"
            ),
            *super().get_urls(),
        ]

    def moderate_view(self, request, object_id):
        comment = self.get_object(request, unquote(object_id))
        if comment is None:
            raise Http404
        if not self.may_moderate(request, comment):
            raise Http404
        # A one-click button in the queue sends `seen` and `next` in its formaction (admin_queue.py).
        form = ModerationForm({"seen": request.GET.get("seen", ""), **request.POST.dict()})
        back = reverse("admin:comments_comment_change", args=[comment.pk])
        done = f"{reverse('admin:comments_comment_changelist')}?status__exact=pending"
        if queue := self.queue_return_url(request):  # back to the queue, with its filters, decided or refused
            back = done = queue
        if not form.is_valid():
            if "note" in form.errors:  # too long: say so, rather than "choose"
                too_long = _("Nothing was done: the note is too long (at most %(limit)d characters).")
                messages.error(request, too_long % {"limit": NOTE_MAX})
            else:
                messages.error(request, _("Choose what to do with the comment."))
            return HttpResponseRedirect(back)
        decision, note = form.cleaned_data["decision"], form.cleaned_data["note"]
        try:
            comment.status = form.cleaned_data["seen"]
            comment_moderate(comment=comment, decision=decision, user=request.user, note=note)
        except (AlreadyHandledError, ValueError) as refusal:
            messages.warning(request, str(refusal))
            return HttpResponseRedirect(back)
        messages.success(request, _("Done. The article shows the change at its next request."))
        return HttpResponseRedirect(done)


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(SingletonAdmin):
    pass
