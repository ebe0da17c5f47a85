"""Map each risk's old single evidence level onto the claim it makes: what kind, how certain, how often.

The old level ranked study types and badged anything below "moderate" as "not established", which read as
"probably harmless" on a documented harm. Here a harm stays a harm: its certainty keeps the old rating (anecdote
and "none found" become "very low", the lowest rating a documented harm can have), and how often it happens is
"unknown" until an editor, with a source, says otherwise.
"""

from django.db import migrations

KIND_BY_CATEGORY = {"interactions": "interaction", "evidence_gaps": "unknown", "legal_status": "fact"}
RATED = {"high", "moderate", "low", "very_low"}


def claim_for(category: str, level: str) -> dict:
    kind = KIND_BY_CATEGORY.get(category, "harm")
    if kind in ("unknown", "fact"):
        return {"claim_kind": kind, "certainty": "", "frequency": ""}
    return {"claim_kind": kind, "certainty": level if level in RATED else "very_low", "frequency": "unknown"}


def forwards(apps, schema_editor):
    for name in ("RiskItem", "HistoricalRiskItem"):
        model = apps.get_model("risks", name)
        for row in model.objects.filter(claim_kind="").only("pk", "category", "evidence_level").iterator():
            model.objects.filter(pk=row.pk).update(**claim_for(row.category, row.evidence_level))


def backwards(apps, schema_editor):
    for name in ("RiskItem", "HistoricalRiskItem"):
        model = apps.get_model("risks", name)
        for row in model.objects.all().only("pk", "certainty").iterator():
            model.objects.filter(pk=row.pk).update(evidence_level=row.certainty or "none_found")


class Migration(migrations.Migration):
    dependencies = [("risks", "0004_evidence_claim_fields")]
    operations = [migrations.RunPython(forwards, backwards)]
