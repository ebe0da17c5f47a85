"""What needs attention, for the admin home: review queue, revisions, schedule, reviews due."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from .models import Revision, RevisionStatus, Status
from .registry import publishable_models


def editorial_dashboard(request) -> dict:
    """Counts with links to the filtered admin lists, for the content types the user may view."""
    now = timezone.now()
    rows, scheduled = [], []
    for model in publishable_models():
        opts = model._meta
        if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        due_ids = model.objects.review_due(now).values("pk")
        counts = model.objects.aggregate(
            in_review=Count("pk", filter=Q(status=Status.IN_REVIEW)),
            review_due=Count("pk", filter=Q(pk__in=due_ids)),
        )
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
        "scheduled": sorted(scheduled, key=lambda entry: entry["when"]),
        "pending_revisions": Revision.objects.filter(status=RevisionStatus.PENDING).count()
        if request.user.has_perm("editorial.view_revision")
        else None,
        "pending_revisions_url": f"{reverse('admin:editorial_revision_changelist')}?status__exact=pending",
    }
