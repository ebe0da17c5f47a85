from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article
from editorial.markdown import PIPELINE_VERSION
from editorial.models import SearchEntry, Status, published_q
from faq.models import FAQEntry
from risks.models import RiskItem
from strains.models import StrainProfile
from tests import factories

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.mark.parametrize(
    ("status", "published_at", "visible"),
    [
        (Status.DRAFT, NOW - timedelta(days=1), False),
        (Status.IN_REVIEW, NOW - timedelta(days=1), False),
        (Status.ARCHIVED, NOW - timedelta(days=1), False),
        (Status.PUBLISHED, NOW + timedelta(seconds=1), False),  # scheduled
        (Status.PUBLISHED, NOW, True),  # the boundary itself is visible
        (Status.PUBLISHED, NOW - timedelta(days=1), True),
    ],
)
def test_published_at_its_boundaries(status, published_at, visible, reviewer):
    article = factories.ArticleFactory(
        status=status, published_at=published_at, reviewed_by=reviewer, last_reviewed_at=NOW
    )
    assert (article in Article.objects.published(now=NOW)) is visible
    assert Article.objects.filter(published_q(NOW), pk=article.pk).exists() is visible


def test_scheduled_content_appears_when_its_time_comes(reviewer):
    article = factories.ArticleFactory(
        status=Status.PUBLISHED, published_at=NOW + timedelta(hours=1), reviewed_by=reviewer, last_reviewed_at=NOW
    )
    assert not Article.objects.published(now=NOW).exists()
    assert list(Article.objects.published(now=NOW + timedelta(hours=1))) == [article]
    assert SearchEntry.objects.published(now=NOW + timedelta(hours=1)).get().title == article.title
    assert not SearchEntry.objects.published(now=NOW).exists()


@pytest.mark.parametrize(
    "factory", [factories.ArticleFactory, factories.FAQEntryFactory, factories.RiskItemFactory, factories.PageFactory]
)
@pytest.mark.parametrize("missing", ["reviewed_by", "last_reviewed_at", "published_at"])
def test_database_refuses_published_rows_without_review(factory, missing):
    obj = factory(published=True)
    setattr(obj, missing, None)
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def test_database_refuses_a_bulk_update_that_skips_review():
    factories.StrainProfileFactory()  # a draft, never reviewed
    with pytest.raises(IntegrityError), transaction.atomic():
        StrainProfile.objects.update(status=Status.PUBLISHED, published_at=NOW)


def test_body_is_rendered_on_save_with_ids_that_carry_the_primary_key():
    faq = factories.FAQEntryFactory(body="Answer[^1]\n\n## Detail\n\n[^1]: A note.")
    faq.refresh_from_db()
    prefix = f"faqentry-{faq.pk}-"
    assert f'id="{prefix}h-detail"' in faq.body_html
    assert f'href="#{prefix}fn-1"' in faq.body_html
    assert faq.body_toc[0]["id"] == f"{prefix}h-detail"
    assert faq.rendered_with == PIPELINE_VERSION


def test_reading_time_counts_words_at_200_a_minute():
    article = factories.ArticleFactory(body="word " * 401, key_takeaways="")
    assert article.reading_time == 3
    assert factories.ArticleFactory(body="short").reading_time == 1


def test_search_entry_follows_publication():
    risk = factories.RiskItemFactory(published=True, title="Mixing with sedatives", what_to_do="Ask first.")
    entry = SearchEntry.objects.get()
    assert (entry.title, entry.kind, entry.url) == ("Mixing with sedatives", "risk item", risk.get_absolute_url())
    assert "Ask first." in entry.text

    risk.title = "Mixing kratom with sedatives"
    risk.save()
    assert SearchEntry.objects.get().title == "Mixing kratom with sedatives"

    risk.status = Status.ARCHIVED
    risk.save()
    assert not SearchEntry.objects.exists()


def test_search_entry_goes_when_the_item_is_deleted():
    factories.FAQEntryFactory(published=True).delete()
    assert not SearchEntry.objects.exists()


def test_strain_search_text_includes_reported_effects():
    strain = factories.StrainProfileFactory(published=True)
    factories.ReportedEffectFactory(strain=strain, effect="Feeling of calm (user reports)")
    assert "Feeling of calm" in SearchEntry.objects.get().text


@pytest.mark.postgres
def test_search_vector_is_filled_on_postgresql():
    from django.contrib.postgres.search import SearchQuery

    factories.RiskItemFactory(published=True, title="Withdrawal symptoms")
    assert SearchEntry.objects.filter(search_vector=SearchQuery("withdrawal", config="english")).count() == 1


def test_every_save_is_recorded_in_history():
    article = factories.ArticleFactory(title="First")
    article.title = "Second"
    article.save()
    assert [h.title for h in article.history.all()] == ["Second", "First"]


def test_rerender_markdown_updates_outdated_rows_only_and_writes_no_history(capsys):
    stale = factories.ArticleFactory(body="## Fresh heading")
    current = factories.FAQEntryFactory()
    Article.objects.filter(pk=stale.pk).update(body_html="<p>old</p>", rendered_with=0)
    FAQEntry.objects.filter(pk=current.pk).update(body_html="<p>kept</p>")
    history_before = Article.history.count() + FAQEntry.history.count()

    call_command("rerender_markdown")

    stale.refresh_from_db()
    assert f'id="article-{stale.pk}-h-fresh-heading"' in stale.body_html
    assert stale.rendered_with == PIPELINE_VERSION
    assert FAQEntry.objects.get().body_html == "<p>kept</p>"
    assert Article.history.count() + FAQEntry.history.count() == history_before
    assert "Re-rendered 1 item(s)" in capsys.readouterr().out

    call_command("rerender_markdown")  # idempotent: nothing left to do
    assert "Re-rendered 0 item(s)" in capsys.readouterr().out
    call_command("rerender_markdown", "--all")
    assert FAQEntry.objects.get().body_html != "<p>kept</p>"


def test_every_risk_category_is_available():
    assert len(RiskItem._meta.get_field("category").choices) == 7


def test_populate_history_records_rows_that_have_none():
    article = factories.ArticleFactory()
    Article.history.all().delete()
    call_command("populate_history", "--auto", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert article.history.count() == 1
