"""The dashboard's lists for one person: what waits for them, across every content type they may view.

Each list is one UNION query over the content tables (a few rows, newest or oldest first), and its count
comes from the per-type aggregate the dashboard already runs (`worklist_counts`): the number of queries
does not grow with the number of items.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, IntegerField, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ItemNote, Revision, RevisionStatus, Status, TransitionLog, published_q

LIST_LENGTH = 5
RECENT = timedelta(days=14)  # "Recently published": what went live in the last two weeks

# name: (heading, when the list is empty, order of its rows: oldest first for queues)
WORKLISTS = {
    "awaiting_review": (_("Awaiting my review"), _("Nothing is waiting for your review."), "when"),
    "proposed": (_("Proposed changes awaiting review"), _("No proposed changes are waiting for review."), "when"),
    "returned": (_("Returned to me"), _("Nothing was returned to you."), "-when"),
    "drafts": (_("My drafts"), _("You have no other drafts."), "-when"),
    "recently_published": (_("Recently published"), _("Nothing was published in the last two weeks."), "-when"),
    "reviews_due": (_("Reviews due that I own"), _("None of your reviews is due."), "when"),
}


def annotated(model):
    """The model's rows with who they belong to: the last workflow step, its last submitter, its creator."""
    logs = TransitionLog.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    ).order_by("-created_at", "-pk")
    created = model.history.model.objects.filter(id=OuterRef("pk"), history_type="+").order_by("history_id")
    return model.objects.annotate(
        last_step=Coalesce(Subquery(logs.values("transition")[:1]), Value(""), output_field=CharField()),
        last_note=Coalesce(Subquery(logs.values("note")[:1]), Value(""), output_field=TextField()),
        submitted_by=Coalesce(
            Subquery(logs.filter(transition="submit").values("user_id")[:1]), 0, output_field=IntegerField()
        ),
        created_by=Coalesce(Subquery(created.values("history_user_id")[:1]), 0, output_field=IntegerField()),
    )


def proposals(model, user):
    """The pending revisions of `model`'s rows that someone other than `user` proposed, oldest first."""
    return (
        Revision.objects.filter(content_type=ContentType.objects.get_for_model(model), status=RevisionStatus.PENDING)
        .exclude(author=user)
        .order_by("created_at", "pk")
    )


def conditions(model, user, now) -> dict[str, tuple]:
    """Each list's filter on `annotated(model)` and the column (or expression) that says when."""
    mine = Q(author__user=user) | Q(created_by=user.pk) | Q(submitted_by=user.pk)
    returned = Q(status=Status.DRAFT, last_step="return")
    found = {
        "returned": (returned & mine, "updated_at"),
        "drafts": (Q(status=Status.DRAFT) & ~Q(last_step="return") & mine, "updated_at"),
        "recently_published": (published_q(now) & Q(published_at__gte=now - RECENT), "published_at"),
    }
    if user.has_perm("editorial.review_content"):  # medical reviewers: what they review, and re-review
        found["awaiting_review"] = (Q(status=Status.IN_REVIEW) & ~mine, "updated_at")
        pending = proposals(model, user)  # pk__in, not Exists: the dashboard's aggregate wraps its query
        oldest = pending.filter(object_id=OuterRef("pk")).values("created_at")[:1]
        found["proposed"] = (Q(pk__in=pending.values("object_id")), Subquery(oldest))
        due = Q(last_reviewed_at__lte=now - model.review_interval(), reviewed_by__user=user)
        found["reviews_due"] = (published_q(now) & due, "last_reviewed_at")
    return found


def worklist_counts(model, user, now) -> dict:
    """Aggregates for the dashboard's per-type query: how many rows of `model` are in each list."""
    return {f"list_{name}": Count("pk", filter=q) for name, (q, _when) in conditions(model, user, now).items()}


def worklists(models, user, counts: dict[str, int], now=None) -> list[dict]:
    """The lists, in WORKLISTS order: heading, rows (title, kind, when, link), count, empty text."""
    now = now or timezone.now()
    kinds = {ContentType.objects.get_for_model(model).pk: model for model in models}
    parts: dict[str, list] = {}
    for content_type, model in kinds.items():
        for name, (q, when) in conditions(model, user, now).items():
            rows = annotated(model).filter(q).order_by()
            when = F(when) if isinstance(when, str) else when
            rows = rows.annotate(kind=Value(content_type, output_field=IntegerField()), when=when)
            note, revision = Value("", output_field=TextField()), Value(0, output_field=IntegerField())
            if name == "returned":
                note = F("last_note")
            elif name == "proposed":  # the oldest proposal by someone else: its note, and a link to it
                pending = proposals(model, user).filter(object_id=OuterRef("pk"))
                note, revision = Subquery(pending.values("note")[:1]), Subquery(pending.values("pk")[:1])
            rows = rows.annotate(note=note, revision=revision, open_notes=open_notes(content_type))
            columns = ("pk", "title", "kind", "when", "note", "revision", "open_notes")
            parts.setdefault(name, []).append(rows.values(*columns))
    lists = []
    for name, (heading, empty, order) in WORKLISTS.items():
        if name not in parts:
            continue
        first, *others = parts[name]
        query = first.union(*others, all=True) if others else first
        rows = [_row(row, kinds[row["kind"]], name) for row in query.order_by(order)[:LIST_LENGTH]]
        lists.append({"name": name, "heading": heading, "empty": empty, "rows": rows, "count": counts.get(name, 0)})
    return lists


def open_notes(content_type: int):
    """How many notes are open on the row's item (editorial/notes.py): a subquery, no query of its own."""
    notes = ItemNote.objects.filter(content_type=content_type, object_id=OuterRef("pk"), resolved_at=None)
    counted = notes.order_by().values("object_id").annotate(open=Count("pk")).values("open")
    return Coalesce(Subquery(counted[:1]), 0, output_field=IntegerField())


def _row(row: dict, model, name: str) -> dict:
    opts = model._meta
    when = row["when"]
    if name == "reviews_due" and when is not None:
        when = when + model.review_interval()  # when its review fell due
    return {
        "title": row["title"],
        "kind": opts.verbose_name,
        "when": when,
        "note": row["note"],  # the reviewer's note on an item returned to draft, the proposer's on a proposal
        "open_notes": row["open_notes"],
        "url": reverse("admin:editorial_revision_change", args=[row["revision"]])
        if row["revision"]
        else reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row["pk"]]),
    }
