"""What a Revision holds, and how it becomes an (unsaved) object again.

data = {"fields": {name: text}, "m2m": {name: [pk, ...]}, "children": {name: [{field: text}, ...]}}
Values are stored with Field.value_to_string and read back with Field.to_python,
so every field type round-trips through JSON.
"""

from django.db import models

from ..models import Citation, Publishable, Source

PARTS = ("fields", "m2m", "children")
# Set only by the workflow, never by an edit.
WORKFLOW_FIELDS = {"status", "published_at", "reviewed_by", "last_reviewed_at", "superseded_by"}


def revisable_fields(model: type[Publishable]) -> list[models.Field]:
    derived = set(model.derived_fields)
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in WORKFLOW_FIELDS | derived
    ]


def revisable_m2m(model: type[Publishable]) -> list[models.ManyToManyField]:
    return list(model._meta.many_to_many)


def children_spec(model: type[Publishable]) -> dict[str, tuple[str, ...]]:
    """Child rows that belong to an item's content, e.g. a strain's reported effects."""
    return getattr(model, "revision_children", {})


def snapshot(obj: Publishable, *, m2m: dict | None = None, children: dict | None = None) -> dict:
    """The revisable content of `obj` as JSON-safe data.

    Fields come from the in-memory object; many-to-many values and child rows are
    read from the database unless `m2m` / `children` give (some of) them instead.
    """
    model = type(obj)
    return {
        "fields": {field.name: encode(field, obj) for field in revisable_fields(model)},
        "m2m": {
            field.name: sorted(getattr(obj, field.name).values_list("pk", flat=True)) for field in revisable_m2m(model)
        }
        | (m2m or {}),
        "children": {
            name: [{f: encode(row._meta.get_field(f), row) for f in fields} for row in getattr(obj, name).all()]
            for name, fields in children_spec(model).items()
        }
        | (children or {}),
    }


def children_from_formsets(obj: Publishable, formsets) -> dict:
    """Child rows as the admin's inline formsets would leave them, without saving anything."""
    spec = children_spec(type(obj))
    children = {}
    for formset in formsets:
        name = formset.fk.remote_field.get_accessor_name() if hasattr(formset, "fk") else None
        if name not in spec:
            continue
        rows = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            child = form.instance
            for field_name in spec[name]:
                value = data.get(field_name)
                setattr(child, child._meta.get_field(field_name).attname, getattr(value, "pk", value))
            rows.append({f: encode(child._meta.get_field(f), child) for f in spec[name]})
        children[name] = rows
    return children


def historical_m2m(historical) -> dict[str, list]:
    """The many-to-many values a history record kept (fields without history are left out)."""
    m2m = {}
    for field in revisable_m2m(historical.instance_type):
        rows = getattr(historical, field.name, None)
        if rows is not None:
            m2m[field.name] = sorted(rows.values_list(field.m2m_reverse_field_name(), flat=True))
    return m2m


def changes_from(current: dict, data: dict) -> dict:
    """Keep only the parts of `data` that differ from `current`, a snapshot of the live item.

    Text that differs only in space at its ends is unchanged: the admin's form strips it (a body saved
    with a final newline would otherwise be "changed" by every edit, and undo other revisions of it).
    """
    return {
        part: {
            name: value for name, value in data.get(part, {}).items() if _trim(current[part].get(name)) != _trim(value)
        }
        for part in PARTS
    }


def _trim(value):
    return value.strip() if isinstance(value, str) else value


def base_of(current: dict, data: dict) -> dict:
    """A revision's base: the live values, from the snapshot `current`, of what `data` changes."""
    return {part: {name: current[part].get(name) for name in data.get(part, {})} for part in PARTS}


def overwritten(current: dict, base: dict, data: dict) -> list[str]:
    """What `data` would change that the live item (`current`) changed since `base`.

    A part with no recorded base (a revision older than bases) counts: nobody can say it did not change.
    """
    missing = object()
    return [
        name
        for part in PARTS
        for name, value in data.get(part, {}).items()
        if current[part].get(name) not in (base.get(part, {}).get(name, missing), value)
    ]


def without(data: dict, names) -> dict:
    """`data` less the named fields, many-to-many fields or kinds of child rows."""
    return {part: {name: v for name, v in data.get(part, {}).items() if name not in names} for part in PARTS}


def part_label(model: type[Publishable], name: str) -> str:
    """A field, many-to-many field or kind of child rows, named as editors read it."""
    if name in children_spec(model):
        return str(getattr(model, name).rel.related_model._meta.verbose_name_plural).capitalize()
    return str(model._meta.get_field(name).verbose_name).capitalize()


def part_text(model: type[Publishable], part: str, name: str, value) -> str:
    """A value from a snapshot as a reviewer reads it: related items by name, child rows one a line."""
    if part == "m2m":
        related = model._meta.get_field(name).related_model._base_manager.in_bulk(value or [])
        return ", ".join(str(related[pk]) for pk in value or [] if pk in related)
    if part == "children":
        return "\n".join(" | ".join(str(v) for v in row.values() if v not in (None, "")) for row in value or [])
    return "" if value is None else str(value)


def encode(field: models.Field, instance) -> str | None:
    """A field's value as JSON-safe text (None stays None; browsers' CRLF line ends become LF)."""
    if field.value_from_object(instance) is None:
        return None
    return field.value_to_string(instance).replace("\r\n", "\n")


def decode(field: models.Field, value):
    return None if value is None else field.to_python(value)


def apply_fields(obj: Publishable, data: dict) -> Publishable:
    """Set the revision's field values on `obj` (not saved)."""
    model = type(obj)
    for field in revisable_fields(model):
        if field.name in data.get("fields", {}):
            setattr(obj, field.attname, decode(field, data["fields"][field.name]))
    return obj


def preview_object(live: Publishable, data: dict) -> Publishable:
    """An unsaved copy of `live` showing the revision, with related lists filled as it would show them."""
    obj = type(live).objects.get(pk=live.pk)
    apply_fields(obj, data)
    obj.render_markdown()
    cache = {}
    for field in revisable_m2m(type(obj)):
        if field.name not in data.get("m2m", {}):
            continue  # unchanged: the live values show
        related = field.related_model.objects.filter(pk__in=data["m2m"][field.name])
        cache[field.name] = related.published() if hasattr(related, "published") else related
    for name in children_spec(type(obj)):
        if name in data.get("children", {}):
            child_model = getattr(type(obj), name).rel.related_model
            cache[name] = [_build_child(child_model, row) for row in data["children"][name]]
    sources = Source.objects.in_bulk(obj.cited_keys, field_name="key")
    cache["citations"] = [
        Citation(source=sources[key], position=number)
        for number, key in enumerate(obj.cited_keys, start=1)
        if key in sources
    ]
    obj._prefetched_objects_cache = cache
    return obj


def _build_child(model, row: dict):
    child = model()
    names = {field.name for field in model._meta.fields}
    for name, value in row.items():
        if name not in names:
            continue  # a column dropped since the revision was proposed (its migration mapped what it meant)
        field = model._meta.get_field(name)
        setattr(child, field.attname, decode(field, value))
    return child


def replace_children(obj: Publishable, data: dict) -> None:
    """Make the item's child rows exactly those in the revision (for the kinds of rows it changes)."""
    for name in children_spec(type(obj)):
        if name not in data.get("children", {}):
            continue
        manager = getattr(obj, name)
        child_model = manager.model
        manager.all().delete()
        for row in data["children"][name]:
            child = _build_child(child_model, row)
            setattr(child, manager.field.name, obj)
            child.full_clean()
            child.save()
