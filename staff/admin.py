from django.contrib import admin
from django.db.models import Count, Min, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from comments.models import Comment, CommentStatus
from editorial.dashboard import editorial_dashboard
from editorial.roles import ROLES

from . import two_factor


class KratomAdminSite(admin.AdminSite):
    """The editors' admin; its index becomes the editorial dashboard."""

    site_header = _("Kratom Info editorial")
    site_title = _("Kratom Info admin")
    index_title = _("Editorial dashboard")

    def has_role(self, request) -> bool:
        """Active staff with a role (Editor, Medical reviewer, Moderator), or superusers."""
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        return user.is_superuser or user.groups.filter(name__in=ROLES).exists()

    def has_permission(self, request) -> bool:
        """The admin opens for staff with a role who have also passed two-factor login (when required)."""
        return self.has_role(request) and two_factor.verified(request)

    def login(self, request, extra_context=None):
        """After the password, staff who still owe a code go to the two-step screen."""
        if self.has_role(request) and not two_factor.verified(request):
            return redirect(f"{reverse('admin:two_factor')}?{request.GET.urlencode()}")
        return super().login(request, extra_context)

    def get_urls(self):
        two_step = path("two-factor/", never_cache(self.two_factor), name="two_factor")
        return [two_step, *super().get_urls()]

    def two_factor(self, request):
        return two_factor.two_factor_view(request, self)

    def index(self, request, extra_context=None):
        """The admin home is the editors' dashboard: what needs attention, with links."""
        context = {**editorial_dashboard(request), **self.comment_numbers(request), **(extra_context or {})}
        return super().index(request, context)

    def comment_numbers(self, request) -> dict:
        """Waiting and urgent comments and the oldest wait, for moderators."""
        if not request.user.has_perm("comments.view_comment"):
            return {}
        numbers = Comment.objects.filter(status=CommentStatus.PENDING).aggregate(
            waiting=Count("pk"), urgent=Count("pk", filter=Q(is_urgent=True)), oldest=Min("created_at")
        )
        queue = reverse("admin:comments_comment_changelist")
        return {
            "comments_waiting": numbers["waiting"],
            "comments_urgent": numbers["urgent"],
            "comments_oldest": numbers["oldest"],
            "comments_queue_url": f"{queue}?status__exact={CommentStatus.PENDING}",
            "comments_urgent_url": f"{queue}?status__exact={CommentStatus.PENDING}&is_urgent__exact=1",
        }
