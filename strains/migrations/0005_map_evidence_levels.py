"""Map each reported effect's old evidence level onto a claim.

Every effect becomes "reported by users, not tested". The old level said how strong the evidence was, not
whether the effect was a benefit or a harm, so a rated effect cannot be called a "possible benefit" (a
reported adverse effect would then read as one): an editor re-labels those few, with their source. The
effects stored in revisions (pending ones, and the live content each was based on) are mapped the same way,
so a revision proposed before this migration can still be previewed and published.
"""

from django.db import migrations

CLAIM = {"claim_kind": "reported", "certainty": "not_tested", "frequency": ""}


def _map_rows(rows: list) -> list:
    return [{**{k: v for k, v in row.items() if k != "evidence_level"}, **CLAIM} for row in rows]


def forwards(apps, schema_editor):
    effect = apps.get_model("strains", "ReportedEffect")
    effect.objects.filter(claim_kind="").update(**CLAIM)
    content_type = apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="strains", model="strainprofile"
    )
    revisions = apps.get_model("editorial", "Revision").objects.filter(content_type__in=content_type)
    for revision in revisions.iterator():
        changed = False
        for part in ("data", "base"):
            children = (getattr(revision, part) or {}).get("children", {})
            if "effects" in children:
                children["effects"] = _map_rows(children["effects"])
                changed = True
        if changed:
            revision.save(update_fields=["data", "base"])


class Migration(migrations.Migration):
    dependencies = [
        ("strains", "0004_evidence_claim_fields"),
        ("editorial", "0009_lock_version_and_revision_base"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
