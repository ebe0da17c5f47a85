"""The review workflow as one declared table: (from, to, permission, preconditions).

Services, admin actions, change-form buttons and tests are all built from
TRANSITIONS, so there is one place that says who may do what, and when.
"""

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Publishable, Status, TransitionLog
from .revisions import revisable_fields

# A precondition looks at the item and the acting user and returns a problem in
# plain words, or None when it is satisfied.
Check = Callable[[Publishable, object], str | None]


def has_body(obj, user) -> str | None:
    return None if obj.body.strip() else str(_("The body is empty."))


def cites_a_source(obj, user) -> str | None:
    if obj.citations.all():  # a revision's preview carries its own citations (revisions.preview_object)
        return None
    return str(_("It cites no source. Add at least one citation, written [@source-key], to the body."))


def meets_its_type_rules(obj, user) -> str | None:
    """What its own type requires before publication (a strain's effects each cite a source...)."""
    return " ".join(obj.publication_problems()) or None


def is_valid_content(obj, user) -> str | None:
    """Every field passes its own validation (a revision's fields were checked when proposed, but the live
    item may have changed since)."""
    try:
        obj.full_clean()
        for name in getattr(obj, "revision_children", {}):  # as the revision would make them
            parent_field = getattr(type(obj), name).field.name
            for child in getattr(obj, name).all():
                child.full_clean(exclude=[parent_field])
    except ValidationError as error:
        return " ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
    return None


def reviewer_has_credentials(obj, user) -> str | None:
    contributor = getattr(user, "contributor", None)
    if contributor is None:
        return str(_("Your account is not linked to a contributor profile. Ask an administrator to link one."))
    if not contributor.credentials.strip():
        return str(_("Your contributor profile has no credentials. A medical reviewer must show theirs."))
    return None


EDITED_IT = _(
    "You created this item or changed its content since its last review. Another medical reviewer must approve it."
)


def reviewer_is_not_author(obj, user) -> str | None:
    author_user = obj.author.user_id if obj.author_id else None
    if author_user is not None and author_user == user.pk:
        return str(_("You are the author. Another medical reviewer must approve it."))
    if user.pk in content_editors(obj):
        return str(EDITED_IT)
    return None


def content_editors(obj) -> set[int]:
    """Who wrote what a reviewer would approve, from history, whatever the author field says: the
    item's creator, and everyone who saved a change to it since its last review (workflow steps aside)."""
    records = list(obj.history.order_by("history_date", "history_id"))
    if not records:
        return set()
    last_review = (
        TransitionLog.objects.filter(
            content_type__app_label=obj._meta.app_label,
            content_type__model=obj._meta.model_name,
            object_id=obj.pk,
            transition__in=PUBLISHING_STEPS,
        )
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    content = {field.name for field in revisable_fields(type(obj))}
    people = {records[0].history_user_id}
    for previous, record in pairwise(records):
        if last_review is not None and record.history_date <= last_review:
            continue
        changed = {change.field for change in record.diff_against(previous).changes}
        # A content field, or a save that is not a workflow step (the admin saves the item with any change
        # to its topics, related items or child rows, which its own history does not record).
        if changed & content or "status" not in changed:
            people.add(record.history_user_id)
    people.discard(None)
    return people


def has_future_time(obj, user) -> str | None:
    if obj.published_at and obj.published_at > timezone.now():
        return None
    return str(_('Set "published at" to a future time before scheduling.'))


REVIEW_CHECKS: tuple[Check, ...] = (
    has_body,
    cites_a_source,
    meets_its_type_rules,
    reviewer_has_credentials,
    reviewer_is_not_author,
)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[Status, ...]
    target: Status | None  # None: the status stays as it is
    permission: str
    checks: tuple[Check, ...] = ()
    # Approving transitions record the acting reviewer and the review date.
    reviews: bool = False
    # Applies to a pending revision of a live item (judged on the item as the revision would make it), not
    # to the item itself: no button or bulk action on the item offers it.
    of_revision: bool = False
    # The step needs a note (returning a draft: the editor must learn what to change). Refused without one.
    needs_note: bool = False

    @property
    def tone(self) -> str:
        """How its button looks: "primary" for the step forward (submitting, approving), "danger" for
        taking content off the site (unpublishing, archiving), "" for the rest."""
        if self.reviews or self.target == Status.IN_REVIEW:
            return "primary"
        if self.target == Status.ARCHIVED or (self.target == Status.DRAFT and Status.PUBLISHED in self.sources):
            return "danger"
        return ""

    def problems(self, obj, user) -> list[str]:
        """Everything that stops `user` from making this transition now, in plain words."""
        if not user.has_perm(self.permission):
            return [str(_("You do not have permission to %(action)s.") % {"action": str(self.label).lower()})]
        if obj.status not in self.sources:
            return [
                str(
                    _("It is %(status)s; only %(allowed)s items can be changed this way.")
                    % {
                        "status": obj.get_status_display().lower(),
                        "allowed": " or ".join(str(Status(s).label).lower() for s in self.sources),
                    }
                )
            ]
        return [problem for check in self.checks if (problem := check(obj, user))]


TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        "submit", _("Submit for review"), (Status.DRAFT,), Status.IN_REVIEW, "editorial.submit_content", (has_body,)
    ),
    Transition(
        "return", _("Return to draft"), (Status.IN_REVIEW,), Status.DRAFT, "editorial.review_content",
        needs_note=True,
    ),
    Transition(
        "publish", _("Approve and publish now"), (Status.IN_REVIEW,), Status.PUBLISHED, "editorial.review_content",
        REVIEW_CHECKS, reviews=True,
    ),
    Transition(
        "schedule", _("Approve and schedule"), (Status.IN_REVIEW,), Status.PUBLISHED, "editorial.review_content",
        (*REVIEW_CHECKS, has_future_time), reviews=True,
    ),
    Transition("unpublish", _("Unpublish"), (Status.PUBLISHED,), Status.DRAFT, "editorial.retire_content"),
    Transition(
        "archive", _("Archive"), (Status.PUBLISHED, Status.DRAFT, Status.IN_REVIEW), Status.ARCHIVED,
        "editorial.retire_content",
    ),
    Transition("restore", _("Restore to draft"), (Status.ARCHIVED,), Status.DRAFT, "editorial.retire_content"),
    Transition(
        "publish_revision", _("Publish this revision"), tuple(Status), None,
        "editorial.review_content", (*REVIEW_CHECKS, is_valid_content), reviews=True, of_revision=True,
    ),
)  # fmt: skip
TRANSITIONS_BY_NAME = {transition.name: transition for transition in TRANSITIONS}
ITEM_TRANSITIONS = tuple(transition for transition in TRANSITIONS if not transition.of_revision)
# Log entries written when a reviewer put content live: only their notes may reach readers.
PUBLISHING_STEPS = tuple(transition.name for transition in TRANSITIONS if transition.reviews)


NOTE_NEEDED = _("Write a note: say what the editor should change.")


def available_transitions(obj, user) -> list[Transition]:
    """Transitions the user holds the permission for, from the item's current status."""
    return [t for t in ITEM_TRANSITIONS if obj.status in t.sources and user.has_perm(t.permission)]
