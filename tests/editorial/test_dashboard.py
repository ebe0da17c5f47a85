from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.models import Revision, Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_admin_home_counts_what_needs_attention_with_links(admin_client_logged_in, django_user_model):
    factories.ArticleFactory.create_batch(2, status=Status.IN_REVIEW)
    old = timezone.now() - timedelta(days=200)
    factories.RiskItemFactory(published=True, last_reviewed_at=old)
    soon = timezone.now() + timedelta(days=3)
    factories.FAQEntryFactory(published=True, published_at=soon, title="Coming soon")
    live = factories.PageFactory(published=True)
    Revision.objects.create(
        content_object=live, data={}, author=django_user_model.objects.get(username="root"), note=""
    )

    response = admin_client_logged_in.get(reverse("admin:index"))
    rows = {str(row["name"]): row for row in response.context["content_rows"]}
    assert rows["articles"]["in_review"] == 2
    assert rows["risk items"]["review_due"] == 1
    assert rows["FAQ entries"]["in_review"] == 0
    assert response.context["pending_revisions"] == 1
    assert [entry["title"] for entry in response.context["scheduled"]] == ["Coming soon"]

    html = response.content.decode()
    in_review_url = rows["articles"]["in_review_url"]
    assert f'href="{in_review_url}"' in html
    listed = admin_client_logged_in.get(in_review_url).context["cl"].result_list
    assert len(listed) == 2
    assert len(admin_client_logged_in.get(rows["risk items"]["review_due_url"]).context["cl"].result_list) == 1
    pending = admin_client_logged_in.get(response.context["pending_revisions_url"]).context["cl"].result_list
    assert len(pending) == 1
