"""Optimistic locking for the admin's change forms: nothing lost, nothing overwritten silently.

Every change form carries the version of the item it was opened on (Publishable.lock_version, one more on
every save). Saving compares it with the row, locked until the save commits, so of two saves based on one
version only the first passes. The other is refused (409) and its form comes back:

- with everything the editor typed, an error naming who saved in between and when, and a comparison of
  each field that changed: theirs and yours, each against the version the editor opened;
- re-based on the version now saved: fields the editor left alone take the new values, and the form
  carries the new version, so pressing Save again applies the editor's changes on top of theirs.

What the editor opened comes from the item's history (django-simple-history), never from the browser.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.forms.boundfield import BoundField
from django.utils import formats, timezone
from django.utils.safestring import SafeString
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from .diff import word_diff
from .workflow.revisions import children_from_formsets, historical_m2m, part_label, part_text, snapshot

UNKNOWN = object()  # a value of the opened version that history does not hold


@dataclass(frozen=True)
class FieldChange:
    """One field that differs from the version the editor opened. `outcome` says what the form now holds:
    "theirs" (only they changed it), "yours" (only you did), "both" or "unknown" (yours; theirs shown)."""

    label: str
    outcome: str
    theirs: SafeString | None
    yours: SafeString | None


class RebasedBoundField(BoundField):
    """Renders the value a refusal re-based the form on, where there is one; what was typed otherwise."""

    def value(self):
        if self.name in self.form.rebased:
            return self.field.prepare_value(self.form.rebased[self.name])
        return super().value()


class VersionedForm(forms.ModelForm):
    """The admin's change form for a Publishable, carrying the version it was opened on."""

    lock_version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    bound_field_class = RebasedBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lock_version"].initial = self.instance.lock_version
        self.rebased: dict = {}
        self.changes: list[FieldChange] = []
        self.stale = False
        self.saved_by = ""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        # Locked until the admin's transaction commits: a second save waits here, then sees the new version.
        live = type(self.instance)._base_manager.select_for_update().get(pk=self.instance.pk)
        seen = cleaned.get("lock_version")
        if seen == live.lock_version:
            return cleaned
        self.stale, self.live = True, live
        self.rebased, self.changes = rebase(self, live, seen)
        saves = saves_since(live, seen)
        self.saved_by = saves[0][0] if len(saves) == 1 else ""  # one person: the comparison names them
        raise ValidationError(stale_message(live, saves), code="stale")


def rebase(form: VersionedForm, live, seen: int | None) -> tuple[dict, list[FieldChange]]:
    """The values to re-base the form on, and the field-by-field comparison, for a form opened on `seen`."""
    opened = opened_values(live, seen)
    rebased, changes = {"lock_version": live.lock_version}, []
    for name, field in form.fields.items():
        model_field = _model_field(live, name)
        if name == "lock_version" or model_field is None or name not in form.cleaned_data:
            continue  # not content, or invalid: what was typed stays, with its error
        then, now, yours = opened.get(name, UNKNOWN), _live_value(live, model_field), form.cleaned_data[name]
        theirs_changed = then is UNKNOWN or not _same(then, now)
        yours_changed = then is UNKNOWN or not _same(then, yours)
        if not (theirs_changed or yours_changed) or (theirs_changed and _same(yours, now)):
            continue  # untouched, or both made the same change
        if then is UNKNOWN:
            outcome, then = "unknown", now  # show what is saved now, and yours against it
        elif not yours_changed:
            outcome, rebased[name] = "theirs", now
        else:
            outcome = "both" if theirs_changed else "yours"
        then_text, now_text, yours_text = _texts(field, then, now, yours)
        theirs_diff = word_diff(then_text, now_text) if outcome != "yours" else None
        yours_diff = word_diff(then_text, yours_text) if outcome != "theirs" else None
        changes.append(FieldChange(str(field.label or name), outcome, theirs_diff, yours_diff))
    return rebased, changes


def child_changes(live, formsets) -> list[FieldChange]:
    """Child rows (a strain's reported effects) where the form's differ from the saved ones. History does not
    keep child rows, so who changed what is unknown: the form keeps the editor's rows, the saved ones shown."""
    saved, yours = snapshot(live)["children"], children_from_formsets(live, formsets)
    changes = []
    for name, rows in yours.items():
        if rows != saved.get(name):
            now, mine = (part_text(type(live), "children", name, value) for value in (saved.get(name), rows))
            changes.append(
                FieldChange(part_label(type(live), name), "unknown", word_diff(now, now), word_diff(now, mine))
            )
    return changes


def opened_values(live, version: int | None) -> dict:
    """The item's field values at `version`, from its history ({} when history does not have it)."""
    if version is None:
        return {}
    record = live.history.filter(lock_version=version).order_by("-history_date", "-history_id").first()
    if record is None:
        return {}
    instance = record.instance
    values = {field.name: field.value_from_object(instance) for field in type(live)._meta.concrete_fields}
    return values | historical_m2m(record)


def saves_since(obj, version: int | None) -> list[tuple[str, datetime]]:
    """Who saved `obj` after `version`, each with the time of their last save, in that order."""
    if version is None:
        return []
    records = obj.history.filter(lock_version__gt=version).select_related("history_user__contributor")
    latest: dict[str, datetime] = {}
    for record in records.order_by("history_date", "history_id")[:200]:
        name = person(record.history_user)
        latest.pop(name, None)
        latest[name] = record.history_date
    return list(latest.items())


def saved_by(obj, version: int | None) -> str:
    """Who saved `obj` after `version`, and when, as a sentence part: "Writer (30 Nov 2026, 14:02)"."""
    return get_text_list([f"{name} ({when(at)})" for name, at in saves_since(obj, version)], _("and"))


def person(user) -> str:
    """A user as colleagues know them: their contributor name, else their full name or username."""
    if user is None:
        return _("Someone")
    contributor = getattr(user, "contributor", None)
    return contributor.name if contributor else (user.get_full_name() or user.get_username())


def when(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j M Y, H:i")


def stale_message(live, saves: list[tuple[str, datetime]]) -> str:
    item = live._meta.verbose_name
    if saves:
        who = get_text_list([name for name, _at in saves], _("and"))
        first = _("%(who)s saved this %(item)s after you opened it (%(when)s).")
        first = first % {"who": who, "item": item, "when": when(saves[-1][1])}
    else:
        first = _("This %(item)s may have changed since you opened it.") % {"item": item}
    return " ".join(
        [
            first,
            _("Your changes are not saved yet, and nothing you typed is lost."),
            _("Check what changed below, then press Save again to save your changes on top of theirs."),
        ]
    )


def _model_field(obj, name: str):
    try:
        return type(obj)._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _live_value(live, field):
    if field.many_to_many:
        return list(getattr(live, field.name).values_list("pk", flat=True))
    return field.value_from_object(live)


def _comparable(value):
    """One form for a value, whether read from a row, from history or from the form."""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, list | tuple | models.QuerySet):
        return sorted(_comparable(item) for item in value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()  # browsers send CRLF; forms strip
    if isinstance(value, datetime):
        return value.replace(microsecond=0)  # the admin's time box has whole seconds
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a related item's key, read from a row
    return value


def _same(a, b) -> bool:
    return _comparable(a) == _comparable(b)


def _texts(field: forms.Field, *values) -> list[str]:
    """The values as an editor reads them: related items by name (one query for all), dates local."""
    if isinstance(field, forms.ModelChoiceField):
        many = isinstance(field, forms.ModelMultipleChoiceField)
        keys = [[getattr(v, "pk", v) for v in value] if many else [getattr(value, "pk", value)] for value in values]
        objects = field.queryset.in_bulk({key for group in keys for key in group if key not in (None, "")})
        return [", ".join(str(objects[key]) for key in group if key in objects) for group in keys]
    return [_text(value) for value in values]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return when(value)
    return str(value).replace("\r\n", "\n")
