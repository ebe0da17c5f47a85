from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial.models import Contributor
from risks.models import RiskItem
from tests import factories

pytestmark = pytest.mark.django_db


def reviewed(factory, days_ago: int, reviewer):
    when = timezone.now() - timedelta(days=days_ago)
    return factory(published=True, reviewed_by=reviewer, last_reviewed_at=when, published_at=when)


@pytest.fixture
def reviewers(django_user_model):
    alice = factories.ContributorFactory(
        name="Alice", user=django_user_model.objects.create_user("alice", "alice@example.org")
    )
    bob = factories.ContributorFactory(name="Bob", user=django_user_model.objects.create_user("bob", "bob@example.org"))
    return alice, bob


def test_intervals_differ_by_type(reviewers):
    alice, _bob = reviewers
    old_article = reviewed(factories.ArticleFactory, 200, alice)
    old_risk = reviewed(factories.RiskItemFactory, 200, alice)
    assert not old_article.is_review_due  # articles: 365 days
    assert old_risk.is_review_due  # risk items: 180 days
    assert list(RiskItem.objects.review_due()) == [old_risk]
    assert not Article.objects.review_due().exists()


def test_readers_see_a_quiet_review_due_line(client, reviewers):
    risk = reviewed(factories.RiskItemFactory, 200, reviewers[0])
    assert "a review is due" in client.get(risk.get_absolute_url()).content.decode()
    fresh = reviewed(factories.RiskItemFactory, 10, reviewers[0])
    assert "a review is due" not in client.get(fresh.get_absolute_url()).content.decode()


def test_admin_lists_mark_and_filter_due_items(admin_client_logged_in, reviewers):
    due = reviewed(factories.RiskItemFactory, 200, reviewers[0])
    fresh = reviewed(factories.RiskItemFactory, 10, reviewers[0])
    response = admin_client_logged_in.get(reverse("admin:risks_riskitem_changelist"), {"review_due": "yes"})
    assert list(response.context["cl"].result_list) == [due]
    assert fresh.title not in response.content.decode()


def test_reminders_go_to_exactly_the_right_reviewers_once_a_day(reviewers):
    alice, bob = reviewers
    reviewed(factories.RiskItemFactory, 200, alice)
    reviewed(factories.ArticleFactory, 400, alice)
    reviewed(factories.ArticleFactory, 10, bob)  # not due

    call_command("review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]
    assert "2 item(s) due" in mail.outbox[0].subject
    assert "/admin/risks/riskitem/" in mail.outbox[0].body

    call_command("review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # idempotent for the day

    Contributor.objects.filter(pk=alice.pk).update(review_reminder_sent_at=timezone.now() - timedelta(days=1))
    call_command("review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2  # a new day, a new reminder
