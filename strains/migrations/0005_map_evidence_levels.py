"""Map each reported effect's old evidence level onto a claim: anecdote stays anecdote ("reported by users,
not tested"); an effect a study rated becomes a possible benefit with that certainty."""

from django.db import migrations

RATED = {"high", "moderate", "low", "very_low"}


def claim_for(level: str) -> dict:
    if level in RATED:
        return {"claim_kind": "benefit", "certainty": level, "frequency": ""}
    return {"claim_kind": "reported", "certainty": "not_tested", "frequency": ""}


def forwards(apps, schema_editor):
    model = apps.get_model("strains", "ReportedEffect")
    for row in model.objects.filter(claim_kind="").only("pk", "evidence_level").iterator():
        model.objects.filter(pk=row.pk).update(**claim_for(row.evidence_level))


def backwards(apps, schema_editor):
    model = apps.get_model("strains", "ReportedEffect")
    for row in model.objects.all().only("pk", "claim_kind", "certainty").iterator():
        level = row.certainty if row.claim_kind == "benefit" else "anecdotal"
        model.objects.filter(pk=row.pk).update(evidence_level=level)


class Migration(migrations.Migration):
    dependencies = [("strains", "0004_evidence_claim_fields")]
    operations = [migrations.RunPython(forwards, backwards)]
