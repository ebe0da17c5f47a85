"""The evidence model: what kind of claim, how certain, how often; never "not established" on a harm."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags

from editorial.content_version import public_models
from editorial.models import Certainty, ClaimKind, Frequency, Revision, SearchEntry
from editorial.models.evidence import badge
from editorial.workflow.services import (
    WorkflowError,
    content_approve,
    content_submit,
    revision_problems,
    revision_publish,
)
from risks.models import LegalFact
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("certainty", [c for c in Certainty if c != Certainty.NOT_TESTED])
@pytest.mark.parametrize("frequency", list(Frequency))
@pytest.mark.parametrize("kind", [ClaimKind.HARM, ClaimKind.INTERACTION])
def test_a_harm_badge_always_says_how_often_and_how_certain_and_never_not_established(kind, certainty, frequency):
    text = badge(kind, certainty, frequency).text
    assert text.startswith(("Documented in people", "Interaction documented"))
    assert f"how often: {Frequency(frequency).label}" in text
    assert f"certainty: {Certainty(certainty).label.lower()}" in text
    assert "not established" not in text and "safe" not in text


def test_the_badges_read_in_plain_words():
    assert badge("harm", "low", "unknown").text == "Documented in people · how often: unknown · certainty: low"
    assert badge("benefit", "not_tested").text == "Possible benefit · not tested in trials"
    assert badge("benefit", "low").text == "Possible benefit · certainty: low"
    assert badge("reported", "not_tested").text == "Reported by users · anecdote, not tested"
    assert badge("fact").text == "Law and regulation · each fact dated, with its source"


@pytest.mark.parametrize(
    ("kind", "certainty", "frequency", "field"),
    [
        ("harm", "low", "", "frequency"),  # a harm says how often, even if "unknown"
        ("harm", "", "unknown", "certainty"),
        ("harm", "not_tested", "unknown", "certainty"),  # a documented harm is rated, at least "very low"
        ("interaction", "", "", "certainty"),
        ("benefit", "low", "rare", "frequency"),
        ("reported", "low", "", "certainty"),  # anecdote is never rated as evidence
        ("fact", "high", "", "certainty"),
    ],
)
def test_an_inconsistent_claim_is_refused_by_the_form_and_the_database(kind, certainty, frequency, field):
    risk = factories.RiskItemFactory.build(claim_kind=kind, certainty=certainty, frequency=frequency)
    with pytest.raises(ValidationError) as error:
        risk.full_clean(exclude=["author", "reviewed_by", "superseded_by"])
    assert field in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.RiskItemFactory(claim_kind=kind, certainty=certainty, frequency=frequency)


def test_risk_pages_show_kind_frequency_and_certainty(client):
    risk = factories.RiskItemFactory(
        published=True, claim_kind="harm", certainty="moderate", frequency="unknown", frequency_note="One survey."
    )
    text = strip_tags(client.get(risk.get_absolute_url()).content.decode())
    assert "Documented in people · how often: unknown · certainty: moderate" in text
    assert "How often: One survey." in text
    listed = strip_tags(client.get("/risks/").content.decode())
    assert "Documented in people · how often: unknown · certainty: moderate" in listed


def test_legal_facts_show_their_jurisdiction_date_and_source(client):
    source = factories.SourceFactory(title="The Act", source_type="law")
    risk = factories.RiskItemFactory(
        published=True, claim_kind="fact", certainty="", frequency="", category="legal_status", body=f"[@{source.key}]"
    )
    LegalFact.objects.create(
        risk=risk, jurisdiction="Louisiana", status="Banned.", as_of=timezone.datetime(2025, 8, 1), source=source
    )
    html = client.get(risk.get_absolute_url()).content.decode()
    assert 'Louisiana <span class="as-of">as of 1 August 2025</span>' in html
    assert ">The Act</a>" in html
    assert "Law and regulation" in html and "certainty" not in html.split("<main")[1].split("Sources")[0]


def publish(obj, people):
    obj.refresh_from_db()
    if obj.status == "draft":
        content_submit(obj=obj, user=people["editor"])
    return content_approve(obj=obj, user=people["reviewer"], note="Checked")


def test_a_fact_item_without_a_dated_fact_cannot_be_published(people):
    source = factories.SourceFactory()
    risk = factories.RiskItemFactory(claim_kind="fact", certainty="", frequency="", body=f"[@{source.key}]")
    with pytest.raises(WorkflowError, match="at least one dated fact"):
        publish(risk, people)
    LegalFact.objects.create(risk=risk, jurisdiction="UK", status="Controlled.", as_of="2016-05-26", source=source)
    assert publish(risk, people).status == "published"


def test_a_strain_with_an_unsourced_effect_cannot_be_published(people):
    source = factories.SourceFactory()
    strain = factories.StrainProfileFactory(body=f"[@{source.key}]")
    effect = factories.ReportedEffectFactory(strain=strain, effect="Calm", source=None)
    with pytest.raises(WorkflowError, match=r"Every reported effect needs a source\. None given for: Calm"):
        publish(strain, people)
    effect.source = source
    effect.save()
    assert publish(strain, people).status == "published"


def test_a_risk_that_cites_nothing_cannot_be_published(people):
    risk = factories.RiskItemFactory(body="Text with no citation.")
    with pytest.raises(WorkflowError, match="cites no source"):
        publish(risk, people)


def test_a_revision_that_drops_every_dated_fact_cannot_be_published(people):
    source = factories.SourceFactory()
    risk = factories.RiskItemFactory(claim_kind="fact", certainty="", frequency="", body=f"[@{source.key}]")
    LegalFact.objects.create(risk=risk, jurisdiction="UK", status="Controlled.", as_of="2016-05-26", source=source)
    publish(risk, people)
    revision = Revision.objects.create(
        content_object=risk, data={"fields": {}, "m2m": {}, "children": {"legal_facts": []}}, author=people["editor"]
    )
    assert any(
        "at least one dated fact" in str(p) for p in revision_problems(revision=revision, user=people["reviewer"])
    )
    assert risk.legal_facts.count() == 1


def test_editors_and_reviewers_edit_dated_facts_in_the_admin(people, client):
    from tests.editorial.workflow_helpers import change_url, login

    risk = factories.RiskItemFactory(claim_kind="fact", certainty="", frequency="")
    for username in ("editor", "reviewer"):
        html = login(username).get(change_url(risk)).content.decode()
        assert 'name="legal_facts-TOTAL_FORMS"' in html, username
        assert "The claim: what kind, how certain, how often" in html


def test_a_dated_fact_is_part_of_its_item_for_readers_and_search(client):
    source = factories.SourceFactory(source_type="law")
    risk = factories.RiskItemFactory(published=True, claim_kind="fact", certainty="", frequency="")
    fact = LegalFact.objects.create(
        risk=risk, jurisdiction="Louisiana", status="Sale banned.", as_of="2025-08-01", source=source
    )
    assert LegalFact in public_models(), "a change to a fact starts a new content version (cached pages go)"
    assert "Louisiana" in SearchEntry.objects.get(object_id=risk.pk, content_type__model="riskitem").text
    fact.delete()
    assert "Louisiana" not in SearchEntry.objects.get(object_id=risk.pk, content_type__model="riskitem").text


def test_a_revision_whose_child_row_went_bad_is_refused_not_a_500(people):
    source, doomed = factories.SourceFactory(), factories.SourceFactory()
    strain = factories.StrainProfileFactory(body=f"[@{source.key}]")
    factories.ReportedEffectFactory(strain=strain, effect="Calm", source=source)
    publish(strain, people)
    row = {"effect": "Calm", "claim_kind": "reported", "certainty": "not_tested", "source": doomed.pk, "order": 0}
    revision = Revision.objects.create(
        content_object=strain, data={"fields": {}, "children": {"effects": [row]}}, author=people["editor"]
    )
    doomed.delete()
    assert revision_problems(revision=revision, user=people["reviewer"])
    with pytest.raises(WorkflowError):
        revision_publish(revision=revision, user=people["reviewer"])
    assert strain.effects.get().source == source


def test_editors_may_remove_a_dated_fact_but_never_delete_an_item(people):
    assert people["editor"].has_perm("risks.delete_legalfact")
    assert people["reviewer"].has_perm("strains.delete_reportedeffect")
    assert not people["reviewer"].has_perm("risks.delete_riskitem")
