"""The data migration maps each old single evidence level onto a claim, and never turns a harm into less."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("risks", "0004_evidence_claim_fields"), ("strains", "0004_evidence_claim_fields")]
AFTER = [("risks", "0006_claim_rules"), ("strains", "0006_claim_rules")]
CLAIM = {"claim_kind": "reported", "certainty": "not_tested", "frequency": ""}


@pytest.fixture
def old_models(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    yield apps
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())


def test_migrations_reverse_with_rows_in_place(old_models):
    risk = old_models.get_model("risks", "RiskItem")
    risk.objects.create(title="r", slug="r", summary="s", category="side_effects", severity="high", what_to_do="-")
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    MigrationExecutor(connection).migrate([("risks", "0003_lock_version"), ("strains", "0003_lock_version")])
    assert "evidence_level" in {c.name for c in connection.introspection.get_table_description(
        connection.cursor(), "risks_riskitem")}  # fmt: skip


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
    row = {"effect": "Alert", "evidence_level": "low", "source": None}
    user = old_models.get_model("auth", "User").objects.create(username="editor")
    revision = (
        old_models.get_model("editorial", "Revision")
        .objects.create(
            content_type=old_models.get_model("contenttypes", "ContentType").objects.get_or_create(
                app_label="strains", model="strainprofile"
            )[0],
            object_id=strain.pk,
            data={"fields": {}, "m2m": {}, "children": {"effects": [row]}},
            base={"fields": {}, "m2m": {}, "children": {"effects": [row]}},
            author=user,
        )
        .pk
    )

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
    # A rated effect may be a harm: it is never relabelled a benefit; an editor re-labels it with its source.
    assert effects.filter(pk=studied).values_list("claim_kind", "certainty").get() == ("reported", "not_tested")
    pending = apps.get_model("editorial", "Revision").objects.get(pk=revision)
    assert pending.data["children"]["effects"] == [{"effect": "Alert", "source": None, **CLAIM}]
    assert pending.base["children"]["effects"][0]["claim_kind"] == "reported"


def test_the_old_built_in_safety_notice_is_reworded_and_an_edited_one_kept(transactional_db):
    executor = MigrationExecutor(connection)
    before = [("editorial", "0010_source_accessed_and_types")]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    notice = apps.get_model("editorial", "SafetyNotice")
    version = apps.get_model("editorial", "ContentVersion")
    notice.objects.update_or_create(pk=1, defaults={"message": OLD_NOTICE})
    version.objects.update_or_create(pk=1, defaults={"version": "before", "serial": 5})
    try:
        MigrationExecutor(connection).migrate([("editorial", "0011_safety_notice_wording")])
        assert notice.objects.get().message.startswith(
            "This site gives general information, not medical advice. Kratom is not an approved treatment"
        )
        assert "Tell your doctor or pharmacist if you use kratom" in notice.objects.get().message
        assert version.objects.get().version != "before" and version.objects.get().serial > 5
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


OLD_NOTICE = (
    "This site gives general information, not medical advice. Kratom is not an approved treatment for depression. "
    "Please speak with a doctor or pharmacist before you use it or change any medicine you take."
)
