"""Reading time is computed from the body (200 words a minute, rounded up, at least 1), never typed."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from articles.models import Article
from editorial.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_reading_time_posted_with_the_admin_form_is_ignored(admin_client_logged_in):
    response = admin_client_logged_in.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Long read",
            "slug": "long-read",
            "summary": "Long.",
            "body": "word " * 1001,
            "key_takeaways": "",
            "status": Status.DRAFT,
            "author": factories.ContributorFactory().pk,
            "reading_time": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Article.objects.get(slug="long-read").reading_time == 6


def test_the_change_form_shows_reading_time_read_only_and_says_how_it_is_computed(admin_client_logged_in):
    article = factories.ArticleFactory(body="word " * 450)
    html = admin_client_logged_in.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert 'name="reading_time"' not in html
    assert "200 words a minute" in html


def test_the_data_migration_recomputes_existing_rows():
    article = factories.ArticleFactory(body="word " * 650, key_takeaways="one two")
    Article.objects.filter(pk=article.pk).update(reading_time=1)  # typed by hand, or computed by an old rule
    migration = importlib.import_module("articles.migrations.0006_reading_time_computed")
    migration.recompute_reading_time(apps, None)
    assert Article.objects.get(pk=article.pk).reading_time == 4


def test_the_model_and_the_migration_count_the_same_words():
    """199 body words and 1 takeaway word are 200 words: one minute, whichever computes it."""
    article = factories.ArticleFactory(body="word " * 199, key_takeaways="takeaway")
    assert article.reading_time == 1
    Article.objects.filter(pk=article.pk).update(reading_time=9)
    migration = importlib.import_module("articles.migrations.0006_reading_time_computed")
    migration.recompute_reading_time(apps, None)
    assert Article.objects.get(pk=article.pk).reading_time == 1
    article = factories.ArticleFactory(body="word " * 200, key_takeaways="takeaway")
    assert article.reading_time == 2
    Article.objects.filter(pk=article.pk).update(reading_time=9)
    migration.recompute_reading_time(apps, None)
    assert Article.objects.get(pk=article.pk).reading_time == 2
