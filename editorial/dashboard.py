"""What needs attention, for the admin home: review queue, revisions, schedule, reviews due, and the
person's own lists and unread notifications (worklists.py)."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from .models import Notification, Revision, RevisionStatus, Status
from .registry import publishable_models
from .worklists import annotated, worklist_counts, worklists

UNREAD_SHOWN = 10


def editorial_dashboard(request) -> dict:
    """Counts with links to the filtered admin lists, for the content types the user may view."""
    now = timezone.now()
    user = request.user
    rows, scheduled, models, list_counts = [], [], [], {}
    for model in publishable_models():
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        models.append(model)
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        due_ids = model.objects.review_due(now).values("pk")
        counts = annotated(model).aggregate(
            in_review=Count("pk", filter=Q(status=Status.IN_REVIEW)),
            review_due=Count("pk", filter=Q(pk__in=due_ids)),
            **worklist_counts(model, user, now),
        )
        for name, count in counts.items():
            if name.startswith("list_"):
                list_counts[name[5:]] = list_counts.get(name[5:], 0) + count
        rows.append(
            {
                "name": opts.verbose_name_plural,
                "in_review": counts["in_review"],
                "in_review_url": f"{changelist}?status__exact={Status.IN_REVIEW}",
                "review_due": counts["review_due"],
                "review_due_url": f"{changelist}?review_due=yes",
            }
        )
        for item in model.objects.filter(status=Status.PUBLISHED, published_at__gt=now).order_by("published_at")[:10]:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
            scheduled.append({"title": item.title, "kind": opts.verbose_name, "when": item.published_at, "url": url})
    return {
        "content_rows": rows,
        "worklists": worklists(models, user, list_counts, now) if models else [],
        **unread_notifications(user),
        "scheduled": sorted(scheduled, key=lambda entry: entry["when"]),
        "pending_revisions": Revision.objects.filter(status=RevisionStatus.PENDING).count()
        if user.has_perm("editorial.view_revision")
        else None,
        "pending_revisions_url": f"{reverse('admin:editorial_revision_changelist')}?status__exact=pending",
    }


def unread_notifications(user) -> dict:
    """The person's unread notifications, newest first: a few, and how many in all (two queries)."""
    if not user.has_perm("editorial.submit_content"):  # editors and reviewers; not moderators
        return {"notifications": None}
    unread = Notification.objects.filter(recipient=user, read_at=None)
    shown = list(unread.select_related("actor", "content_type")[:UNREAD_SHOWN])
    return {
        "notifications": shown,
        "notifications_unread": unread.count(),
        "notifications_url": reverse("admin:editorial_notification_changelist"),
    }
