"""The moderation queue, built for triage: one row per comment (the text's first lines and its article, the
writer and their history, the hold reasons, how long it has waited) and one-click decisions.

One-click decisions: each row's buttons submit the changelist's own form (no nested form; its CSRF token)
to `moderate_view`, through formaction="<moderate url>?seen=<status>&next=<this queue>". `seen` is the
status the moderator saw (the update applies only if it is still so); `next` is where to come back, with
the filters, told what happened. An urgent row offers only Reject and "Open": it is approved from its own
page, after reading it in full, and never marked spam. The page's template is
templates/admin/comments/comment/change_list.html; its keyboard shortcuts are static/admin-extra/queue.js.
"""

from django.contrib import admin
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Comment, CommentStatus
from .moderation import DECISIONS, has_address

# A warning triangle, drawn in the text's colour: with the word "Urgent" and the row's colour, never alone.
URGENT_ICON = mark_safe(
    '<svg class="queue-icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16">'
    '<path fill="currentColor" d="M8 1 15.5 14.5h-15L8 1zm-.9 5v4.2h1.8V6H7.1zm0 5.4v1.8h1.8v-1.8H7.1z"/></svg>'
)
ONE_CLICK = (("approve", gettext_lazy("Approve")), ("reject", gettext_lazy("Reject")), ("spam", gettext_lazy("Spam")))


def waited(since, now=None) -> str:
    """How long since `since`, as a person says it: "5 min", "3 h", "2 d"."""
    minutes = max(int(((now or timezone.now()) - since).total_seconds() // 60), 0)
    if minutes < 60:
        return _("%(count)d min") % {"count": minutes}
    if minutes < 48 * 60:
        return _("%(count)d h") % {"count": minutes // 60}
    return _("%(count)d d") % {"count": minutes // (24 * 60)}


def label(text) -> str:
    """A cell's own label: shown when the rows are cards (a narrow screen), where the headers are not."""
    return format_html('<span class="queue-label">{}: </span>', text)


class ModerationQueueMixin:
    """For CommentAdmin: the queue's columns, their one query for the writers' history, and `next`."""

    list_display = ["queue_comment", "queue_writer", "queue_reasons", "queue_waiting", "queue_decide"]
    list_display_links = None  # each row links to its comment itself: its buttons cannot sit inside a link
    list_select_related = ["article"]

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Moderate reader comments"), **(extra_context or {})})

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # Each writer's last ten comments, for every row on the page, in one query.
        # Writers with no address (imports) are not one person: they have no history.
        addresses = {comment.email_key for comment in changelist.result_list if has_address(comment)}
        recent = (
            Comment.objects.annotate(
                rank=Window(RowNumber(), partition_by=F("email_key"), order_by=F("created_at").desc()),
            )
            .filter(email_key__in=addresses, rank__lte=11)  # at most 11 each: the row itself and ten more
            .only("email_key", "status", "created_at")
        )
        earlier = {}
        for other in recent:
            earlier.setdefault(other.email_key, []).append(other)
        # Not the page number: a decision can empty the last page, and Django would then drop the filters.
        query = request.GET.copy()
        query.pop("p", None)
        here = f"{request.path}?{query.urlencode()}"
        for comment in changelist.result_list:
            mine = earlier.get(comment.email_key, []) if has_address(comment) else []
            comment.writer_recent = [c for c in mine if c.pk != comment.pk][:10]
            comment.queue_return = here  # a one-click decision comes back here, with the filters
        return changelist

    def queue_return_url(self, request) -> str | None:
        """The local address a one-click decision returns to (`next`), or None."""
        url = request.POST.get("next") or request.GET.get("next", "")
        local = url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return url if local else None

    @admin.display(description=gettext_lazy("comment"))
    def queue_comment(self, comment) -> str:
        flag = (
            format_html('<strong class="queue-urgent">{}{}</strong> ', URGENT_ICON, _("Urgent"))
            if comment.is_urgent
            else ""
        )
        return format_html(
            '<a class="queue-open" id="queue-c{}" href="{}">{}<span class="queue-text">{}</span></a>'
            '<span class="queue-article">{}: {}</span>',
            comment.pk,
            reverse("admin:comments_comment_change", args=[comment.pk]),
            flag,
            Truncator(comment.body).chars(280),
            _("Article"),
            comment.article.title,
        )

    @admin.display(description=gettext_lazy("writer"))
    def queue_writer(self, comment) -> str:
        return format_html(
            '{}<span class="queue-name">{}</span> <span class="queue-history">{}</span>',
            label(_("Writer")),
            comment.name,
            self.writer_history(comment),
        )

    def writer_history(self, comment) -> str:
        """What the writer's last ten comments became: "2 earlier: 1 approved, 1 spam"."""
        recent = getattr(comment, "writer_recent", None)
        if not recent:
            return _("first comment")
        counts = {}
        for other in recent:
            counts[other.get_status_display()] = counts.get(other.get_status_display(), 0) + 1
        number = f"{len(recent)}+" if len(recent) >= 10 else str(len(recent))
        return _("%(number)s earlier: %(counts)s") % {
            "number": number,
            "counts": ", ".join(f"{count} {status.lower()}" for status, count in counts.items()),
        }

    @admin.display(description=gettext_lazy("held because"))
    def queue_reasons(self, comment) -> str:
        if not comment.hold_reasons:
            return format_html("{}{}", label(_("Held because")), _("nothing: published at once"))
        reasons = format_html_join("", "<li>{}</li>", ((reason,) for reason in comment.hold_reasons))
        return format_html('{}<ul class="queue-reasons">{}</ul>', label(_("Held because")), reasons)

    @admin.display(description=gettext_lazy("waiting"))
    def queue_waiting(self, comment) -> str:
        if comment.status != CommentStatus.PENDING:
            return format_html("{}{}", label(_("Status")), comment.get_status_display())
        return format_html(
            '{}<time datetime="{}">{}</time>',
            label(_("Waiting")),
            comment.created_at.isoformat(),
            waited(comment.created_at),
        )

    @admin.display(description=gettext_lazy("decide"))
    def queue_decide(self, comment) -> str:
        action = reverse("admin:comments_comment_moderate", args=[comment.pk])
        action += "?" + urlencode({"seen": comment.status, "next": getattr(comment, "queue_return", "")})
        offered = [
            (decision, text)
            for decision, text in ONE_CLICK
            if DECISIONS[decision] != comment.status and not (comment.is_urgent and decision in ("approve", "spam"))
        ]
        buttons = format_html_join(
            "",
            '<button type="submit" class="queue-{}" formaction="{}" name="decision" value="{}" '
            'aria-describedby="queue-c{}">{}</button>',
            ((decision, action, decision, comment.pk, text) for decision, text in offered),
        )
        if comment.is_urgent:
            buttons = format_html(
                '{}<a class="queue-read" href="{}" aria-describedby="queue-c{}">{}</a>'
                '<span class="queue-why">{}</span>',
                buttons,
                reverse("admin:comments_comment_change", args=[comment.pk]),
                comment.pk,
                _("Open"),
                _("Approve it from its page, after reading it in full. Never spam."),
            )
        return format_html('<div class="queue-decide">{}</div>', buttons)
