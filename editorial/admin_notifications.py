"""Each person's own notifications in the admin: a read-only list, "open" (a POST from the dashboard marks it
read), "mark all read"."""

from django.contrib import admin, messages
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .models import Notification
from .notifications import display_name, target_url


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record nobody types or edits in the admin: the workflow writes it (the log, notifications)."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    """Only the person's own rows; nothing to add, change or delete. Editors and reviewers see it."""

    list_display = ("item", "event", "by", "note", "created_at", "read_at", "sent_at")
    list_display_links = None
    list_filter = ("event",)
    list_select_related = ("actor",)

    def has_module_permission(self, request) -> bool:
        return request.user.has_perm("editorial.submit_content")

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request) and (obj is None or obj.recipient_id == request.user.pk)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(recipient=request.user)

    @admin.display(description=_lazy("item"))
    def item(self, obj: Notification) -> str:
        url = reverse("admin:editorial_notification_open", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.title)

    @admin.display(description=_lazy("by"))
    def by(self, obj: Notification) -> str:
        return display_name(obj.actor)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/open/", wrap(self.open_view), name="editorial_notification_open"),
            path("read-all/", wrap(self.read_all_view), name="editorial_notification_read_all"),
            *super().get_urls(),
        ]

    def open_view(self, request, pk: int):
        """POST (with CSRF, checked by admin_view): mark one of the person's notifications read and go to what
        it is about. A GET only goes there: it changes nothing."""
        if not self.has_module_permission(request):
            raise Http404
        notification = self.get_queryset(request).filter(pk=pk).first()
        if notification is None:
            raise Http404
        try:
            url = target_url(notification)
        except LookupError:  # about a model that was removed since
            raise Http404 from None
        if request.method == "POST" and notification.read_at is None:
            Notification.objects.filter(pk=pk).update(read_at=timezone.now())
        return HttpResponseRedirect(url)

    def read_all_view(self, request):
        """POST (with CSRF, checked by admin_view): mark every unread notification of the person read."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_module_permission(request):
            raise Http404
        marked = self.get_queryset(request).filter(read_at=None).update(read_at=timezone.now())
        self.message_user(request, _("%(count)d notification(s) marked as read.") % {"count": marked}, messages.INFO)
        return HttpResponseRedirect(reverse("admin:index"))
