"""The data migration maps each old single evidence level onto a claim, and never turns a harm into less."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("risks", "0004_evidence_claim_fields"), ("strains", "0004_evidence_claim_fields")]
AFTER = [("risks", "0006_claim_rules"), ("strains", "0006_claim_rules")]


@pytest.fixture
def old_models(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    yield apps
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())


def test_old_levels_become_claims(old_models):
    risk = old_models.get_model("risks", "RiskItem")
    made = {}
    for slug, category, level in [
        ("dependence", "dependence_withdrawal", "low"),
        ("mixing", "interactions", "very_low"),
        ("liver", "side_effects", "anecdotal"),
        ("contamination", "regulation_quality", "none_found"),
        ("no-trials", "evidence_gaps", "none_found"),
        ("law", "legal_status", "low"),
    ]:
        made[slug] = risk.objects.create(
            title=slug, slug=slug, summary="s", category=category, severity="high", evidence_level=level, what_to_do="-"
        ).pk
    strain = old_models.get_model("strains", "StrainProfile").objects.create(
        title="Red", slug="red", summary="s", vein_colour="red"
    )
    effect = old_models.get_model("strains", "ReportedEffect")
    anecdote = effect.objects.create(strain=strain, effect="Calm", evidence_level="anecdotal").pk
    studied = effect.objects.create(strain=strain, effect="Alert", evidence_level="low").pk

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    claims = {
        slug: tuple(apps.get_model("risks", "RiskItem").objects.filter(pk=pk).values_list(
            "claim_kind", "certainty", "frequency").get())
        for slug, pk in made.items()
    }  # fmt: skip
    assert claims == {
        "dependence": ("harm", "low", "unknown"),
        "mixing": ("interaction", "very_low", "unknown"),
        "liver": ("harm", "very_low", "unknown"),  # anecdote about a harm: documented, at the lowest rating
        "contamination": ("harm", "very_low", "unknown"),
        "no-trials": ("unknown", "", ""),
        "law": ("fact", "", ""),
    }
    effects = apps.get_model("strains", "ReportedEffect").objects
    assert effects.filter(pk=anecdote).values_list("claim_kind", "certainty").get() == ("reported", "not_tested")
    assert effects.filter(pk=studied).values_list("claim_kind", "certainty").get() == ("benefit", "low")
