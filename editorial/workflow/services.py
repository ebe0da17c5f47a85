"""Multi-step writes with side effects. Keyword-only, typed arguments; refusals say why."""

from collections.abc import Collection

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Citation, Publishable, Revision, RevisionStatus, SearchEntry, TransitionLog
from ..notifications import notify_proposal, notify_revision, notify_transition
from .revisions import (
    apply_fields,
    base_of,
    changes_from,
    historical_m2m,
    overwritten,
    part_label,
    preview_object,
    replace_children,
    revisable_m2m,
    snapshot,
    without,
)
from .transitions import NOTE_NEEDED, TRANSITIONS_BY_NAME


class WorkflowError(Exception):
    """A workflow step was refused; `problems` says why, in plain words."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def content_refresh_index(*, instance: Publishable) -> None:
    """Rewrite the rows derived from a saved item: its citations and its search entry."""
    Citation.sync(instance)
    SearchEntry.sync(instance)


def _log(*, obj, transition: str, from_status: str, to_status: str, user, note: str, material_change: bool) -> None:
    TransitionLog.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        transition=transition,
        from_status=from_status,
        to_status=to_status,
        user=user,
        note=note,
        material_change=material_change,
    )


def content_transition(
    *,
    obj: Publishable,
    name: str,
    user: AbstractBaseUser,
    note: str = "",
    material_change: bool = False,
    published_at=None,
) -> Publishable:
    """Move an item along the workflow table, or raise WorkflowError with the reasons (changing nothing)."""
    transition = TRANSITIONS_BY_NAME[name]
    if transition.of_revision:
        raise ValueError(f"{name} applies to a revision: use revision_publish")
    with transaction.atomic():
        # Lock the row and judge its current state, not what the caller last saw.
        live = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
        if published_at is not None:
            live.published_at = published_at
        if problems := transition.problems(live, user):
            raise WorkflowError(problems)
        if transition.needs_note and not note.strip():
            raise WorkflowError([str(NOTE_NEEDED)])
        from_status = live.status
        live.status = transition.target
        if transition.reviews:
            live.reviewed_by = user.contributor
            live.last_reviewed_at = timezone.now()
            if name == "publish":
                live.published_at = live.last_reviewed_at
            # Approving checks the content; retiring never does, so bad content can always be taken down.
            try:
                live.full_clean()
            except ValidationError as error:
                raise WorkflowError([" ".join(messages) for messages in error.message_dict.values()]) from error
        live.save()
        _log(
            obj=live,
            transition=name,
            from_status=from_status,
            to_status=live.status,
            user=user,
            note=note,
            material_change=material_change and transition.reviews,
        )
        notify_transition(obj=live, name=name, user=user, note=note)  # mailed after commit, never failing this
    return live


def content_submit(*, obj: Publishable, user: AbstractBaseUser, note: str = "") -> Publishable:
    """Send a draft to the medical reviewers."""
    return content_transition(obj=obj, name="submit", user=user, note=note)


def content_approve(
    *, obj: Publishable, user: AbstractBaseUser, note: str = "", material_change: bool = False
) -> Publishable:
    """Approve an item in review and publish it now, recording the reviewer."""
    return content_transition(obj=obj, name="publish", user=user, note=note, material_change=material_change)


def content_schedule(*, obj: Publishable, user: AbstractBaseUser, when, note: str = "") -> Publishable:
    """Approve an item in review to appear at `when` (a future time); no job needs to run then."""
    return content_transition(obj=obj, name="schedule", user=user, note=note, published_at=when)


def content_unpublish(*, obj: Publishable, user: AbstractBaseUser, note: str = "") -> Publishable:
    """Take a published item off the site, back to draft."""
    return content_transition(obj=obj, name="unpublish", user=user, note=note)


def content_archive(*, obj: Publishable, user: AbstractBaseUser, note: str = "") -> Publishable:
    """Retire an item: readers get 410 Gone, or a 301 to `superseded_by`."""
    return content_transition(obj=obj, name="archive", user=user, note=note)


def revision_propose(*, obj: Publishable, data: dict, user: AbstractBaseUser, note: str = "") -> Revision:
    """Store an edit to published content for review; the live row is not touched.

    `data` is `obj` as edited; the revision is based on obj's version, which must still be the live one.
    Only what differs from the live item is kept, with the live values it replaces (its base), so that
    publishing can tell what changed on the live item since.
    """
    live = type(obj)._base_manager.get(pk=obj.pk)
    if live.lock_version != obj.lock_version:
        raise WorkflowError([_("It was changed since you opened it. Open it again and make your edit there.")])
    current = snapshot(live)
    data = changes_from(current, data)
    if not any(data.values()):  # an empty revision would only make a reviewer open it to find nothing
        raise WorkflowError([_("Nothing changed: edit a field before proposing.")])
    revision = Revision(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        data=data,
        base_version=live.lock_version,
        base=base_of(current, data),
        author=user,
        note=note,
    )
    revision.full_clean()
    revision.save()
    notify_proposal(revision=revision, live=live, user=user, note=note)  # mailed after commit, never failing this
    return revision


def revision_from_history(*, historical, user: AbstractBaseUser) -> Revision:
    """Propose restoring an old version: a pending Revision that goes through review like any edit."""
    live = historical.instance_type._base_manager.get(pk=historical.id)
    # The old version's fields and recorded links; child rows have no history, so they stay as they are now.
    data = snapshot(historical.instance, m2m=historical_m2m(historical))
    when = historical.history_date.strftime("%Y-%m-%d %H:%M")
    return revision_propose(obj=live, data=data, user=user, note=_("Restore the version of %(when)s") % {"when": when})


def revision_conflicts(*, revision: Revision, live: Publishable | None = None) -> list[str]:
    """The fields (and links, child rows) the live item changed since the revision's base that it would
    overwrite. Publishing asks the reviewer about each: keep the live version, or the revision's."""
    if live is None:
        live = revision.content_type.model_class()._base_manager.get(pk=revision.object_id)
    return overwritten(snapshot(live), revision.base, revision.data)


def revision_problems(*, revision: Revision, user: AbstractBaseUser) -> list[str]:
    """What stops `user` from publishing this revision, in plain words."""
    rule = TRANSITIONS_BY_NAME["publish_revision"]
    if not user.has_perm(rule.permission):
        return rule.problems(None, user)  # the permission is judged first, before any work on the item
    if revision.status != RevisionStatus.PENDING:
        return [_("This revision is already %(status)s.") % {"status": revision.get_status_display().lower()}]
    live = revision.content_type.model_class()._base_manager.get(pk=revision.object_id)
    # The item as the revision would make it, child rows and citations included, judged by the table's rules.
    problems = rule.problems(preview_object(live, revision.data), user)
    if revision.author_id == user.pk:
        problems.append(_("You proposed this revision. Another medical reviewer must publish it."))
    return problems


def revision_publish(
    *,
    revision: Revision,
    user: AbstractBaseUser,
    note: str = "",
    material_change: bool = False,
    keep_live: Collection[str] = (),
    overwrite: Collection[str] = (),
    live_version: int | None = None,
) -> Publishable:
    """Apply a reviewed revision to the live item in one transaction: fields, links, child rows, log.

    Where the live item changed since the revision was proposed (revision_conflicts), the reviewer must say
    for each part: `keep_live` (the revision is re-based: that part is dropped) or `overwrite`. Their
    choices hold for the live version they saw, `live_version`, if given.
    """
    with transaction.atomic():
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        model = revision.content_type.model_class()
        live = model._base_manager.select_for_update().get(pk=revision.object_id)
        if live_version is not None and live_version != live.lock_version:
            raise WorkflowError([_("The live page changed while you were looking at it. Look again, then publish.")])
        conflicts = revision_conflicts(revision=revision, live=live)
        if undecided := [name for name in conflicts if name not in {*keep_live, *overwrite}]:
            message = _(
                "Changed on the live page since this revision was proposed: %(fields)s. Choose for each "
                "whether to keep the live version or publish the revision's."
            )
            raise WorkflowError([message % {"fields": ", ".join(part_label(model, name) for name in undecided)}])
        revision.data = without(revision.data, keep_live)
        if problems := revision_problems(revision=revision, user=user):
            raise WorkflowError(problems)
        apply_fields(live, revision.data)
        live._history_user = user  # history says who put it live, however this is called
        live.reviewed_by = user.contributor
        live.last_reviewed_at = timezone.now()
        try:  # judged just above; a row that changed under it since (a source deleted...) is refused, not a 500
            live.full_clean()
            live.save()
            for field in revisable_m2m(model):
                if field.name in revision.data.get("m2m", {}):
                    getattr(live, field.name).set(revision.data["m2m"][field.name])
            replace_children(live, revision.data)
        except ValidationError as error:
            raise WorkflowError(error.messages) from error
        content_refresh_index(instance=live)  # child rows feed the search text
        _log(
            obj=live,
            transition="publish_revision",
            from_status=live.status,
            to_status=live.status,
            user=user,
            note=note or revision.note,
            material_change=material_change,
        )
        revision.status = RevisionStatus.PUBLISHED
        revision.decided_by, revision.decided_at = user, timezone.now()
        revision.save(update_fields=["status", "decided_by", "decided_at", "data"])
        notify_revision(revision=revision, live=live, user=user, published=True, note=note)
    return live


def revision_withdraw(*, revision: Revision, user: AbstractBaseUser) -> Revision:
    """Drop a pending revision (its author or a reviewer); the live item is unchanged."""
    if revision.author_id != user.pk and not user.has_perm("editorial.review_content"):
        raise WorkflowError([_("Only its author or a medical reviewer can withdraw a revision.")])
    updated = Revision.objects.filter(pk=revision.pk, status=RevisionStatus.PENDING).update(
        status=RevisionStatus.WITHDRAWN, decided_by=user, decided_at=timezone.now()
    )
    if not updated:
        raise WorkflowError([_("This revision is no longer pending.")])
    revision.refresh_from_db()
    notify_revision(revision=revision, live=revision.content_object, user=user, published=False)
    return revision
