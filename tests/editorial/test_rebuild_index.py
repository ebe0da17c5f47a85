"""rebuild_index: derived rows rebuilt from the content rows after changes no signal saw, then a new version."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article
from editorial.management.commands import rebuild_index
from editorial.models import Citation, SearchEntry, Status
from faq.models import FAQEntry
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def bumps(monkeypatch):
    """Each new content version the command starts."""
    made = []
    monkeypatch.setattr(rebuild_index, "content_version_bump", lambda: made.append(1))
    return made


def run() -> str:
    out = io.StringIO()
    call_command("rebuild_index", stdout=out)
    return out.getvalue()


def entries() -> dict[str, str]:
    return {entry.url: entry.title for entry in SearchEntry.objects.all()}


def test_changes_made_behind_the_models_back_are_rebuilt_and_the_version_bumped_once(bumps):
    factories.SourceFactory(key="first")
    factories.SourceFactory(key="second")
    kept = factories.ArticleFactory(published=True, title="Old title", body="A claim [@first].")
    hidden = factories.ArticleFactory(published=True)
    deleted = factories.FAQEntryFactory(published=True, body="Cited [@second].")
    # What a manual SQL change or a bulk .update() does: no signal, so no search entry or citation follows.
    Article.objects.filter(pk=kept.pk).update(title="New title", body="Now [@second], then [@first].")
    Article.objects.filter(pk=hidden.pk).update(status=Status.DRAFT)
    FAQEntry.objects.filter(pk=deleted.pk)._raw_delete(using="default")
    assert entries()[kept.get_absolute_url()] == "Old title"

    output = run()

    assert entries() == {kept.get_absolute_url(): "New title"}
    kept.refresh_from_db()
    assert f'href="#src-article-{kept.pk}-1"' in kept.body_html  # the body was rendered again
    assert [(c.position, c.source.key) for c in Citation.objects.all()] == [(1, "second"), (2, "first")]
    assert bumps == [1]
    assert "Rebuilt 2 item(s): 1 published (in search), 1 re-rendered" in output
    assert "removed 1 stale search entr(ies) and 1 stale citation(s)" in output


def test_a_second_run_changes_nothing_but_the_version(bumps):
    factories.SourceFactory(key="first")
    factories.ArticleFactory(published=True, body="A claim [@first].")
    factories.FAQEntryFactory()
    run()
    before = (entries(), list(Citation.objects.values_list("object_id", "source__key", "position")))

    output = run()

    assert (entries(), list(Citation.objects.values_list("object_id", "source__key", "position"))) == before
    assert "Rebuilt 2 item(s): 1 published (in search), 0 re-rendered" in output
    assert "removed 0 stale search entr(ies) and 0 stale citation(s)" in output
    assert bumps == [1, 1]


def test_the_version_changes_even_when_the_rebuild_fails_halfway(bumps, monkeypatch):
    factories.ArticleFactory(published=True)

    def broken(*, instance):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(rebuild_index, "content_refresh_index", broken)
    with pytest.raises(RuntimeError):
        run()
    assert bumps == [1]  # items rebuilt before the failure must not wait behind cached pages
