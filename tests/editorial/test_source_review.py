"""Readers never see an unreviewed source: once published content cites a Source, only a medical
reviewer may change it (the attack: an editor swapped a cited study's URL for a vendor's link)."""

import pytest
from django.urls import reverse

from editorial.models import Source, Status
from tests import factories
from tests.editorial.workflow_helpers import login

pytestmark = pytest.mark.django_db


def source_form(source, **changes) -> dict:
    data = {
        "key": source.key,
        "title": source.title,
        "authors": source.authors,
        "venue": source.venue,
        "year": source.year or "",
        "url": source.url,
        "doi": source.doi,
        "pmid": source.pmid,
        "source_type": source.source_type,
    }
    return {**data, **changes}


def change(client, source, **changes):
    return client.post(reverse("admin:editorial_source_change", args=[source.pk]), source_form(source, **changes))


@pytest.fixture
def cited(people):
    source = factories.SourceFactory(key="fda", url="https://www.fda.gov/kratom", title="FDA statement")
    article = factories.ArticleFactory(published=True, body="A claim [@fda].")
    assert article.status == Status.PUBLISHED and source.citations.exists()
    return source, article


def test_an_editor_cannot_change_a_source_that_published_content_cites(people, cited):
    source, article = cited
    editor = login("editor")
    response = change(editor, source, url="https://kratom-vendor.example/buy", title="Buy now")
    assert response.status_code == 403
    source.refresh_from_db()
    assert (source.url, source.title) == ("https://www.fda.gov/kratom", "FDA statement")
    page = editor.get(reverse("admin:editorial_source_change", args=[source.pk]))
    assert page.status_code == 200  # read-only, saying why
    assert "only a medical reviewer can change it" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert "kratom-vendor" not in login("reviewer").get(article.get_absolute_url()).content.decode()


def test_a_medical_reviewer_can_change_it(people, cited):
    source, _article = cited
    response = change(login("reviewer"), source, url="https://www.fda.gov/kratom-2025")
    assert response.status_code == 302
    assert Source.objects.get(pk=source.pk).url == "https://www.fda.gov/kratom-2025"


def test_an_editor_can_still_add_sources_and_change_those_only_drafts_cite(people):
    source = factories.SourceFactory(key="draft-only", url="https://example.org/a")
    factories.ArticleFactory(status=Status.DRAFT, body="Draft claim [@draft-only].")
    editor = login("editor")
    assert change(editor, source, url="https://example.org/b").status_code == 302
    assert Source.objects.get(pk=source.pk).url == "https://example.org/b"
    added = editor.post(
        reverse("admin:editorial_source_add"),
        source_form(Source(key="new-one", title="New", url="https://example.org/new", source_type="survey")),
    )
    assert added.status_code == 302 and Source.objects.filter(key="new-one").exists()


def test_a_source_a_published_strains_reported_effect_names_is_under_review_too(people):
    """Found by review: reported effects name their source directly, not as [@key] in a body."""
    source = factories.SourceFactory(key="effect-study", url="https://example.org/study", title="A study")
    strain = factories.StrainProfileFactory(published=True)
    factories.ReportedEffectFactory(strain=strain, source=source)
    response = change(login("editor"), source, title="Study proving kratom is safe", url="https://vendor.example/")
    assert response.status_code == 403
    assert Source.objects.get(pk=source.pk).title == "A study"
    assert "proving kratom is safe" not in login("editor").get(strain.get_absolute_url()).content.decode()
