"""Revision titles name the item, and the revision list filters by content type only."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import capfirst

from editorial.models import Revision
from editorial.workflow.services import revision_propose
from tests import factories

pytestmark = pytest.mark.django_db


def _propose(item, title):
    return revision_propose(obj=item, user=item.author.user, data={"fields": {"title": title}})


def test_a_revision_is_named_after_its_item_and_type(people, live):
    revision = _propose(live, "Corrected title")
    assert str(Revision.objects.get(pk=revision.pk)) == "Proposed change to “Draft article” (article)"


def test_a_revision_of_a_deleted_item_still_has_a_name(people, live):
    revision = _propose(live, "Corrected title")
    type(live).objects.filter(pk=live.pk).delete()
    assert str(Revision.objects.get(pk=revision.pk)) == f"Proposed change to article #{live.pk}"


def test_the_revision_list_shows_item_titles_at_a_constant_query_count(admin_client_logged_in, people):
    url = reverse("admin:editorial_revision_changelist")
    admin_client_logged_in.get(url)  # warms the content type cache
    counts, made = [], 0
    for total in (1, 5, 20):
        for number in range(made, total):
            author = people["editor"].contributor
            article = factories.ArticleFactory(published=True, title=f"Article {number}", author=author)
            page = factories.PageFactory(published=True, title=f"Page {number}")
            for item in (article, page):
                Revision.objects.create(
                    content_type_id=_ct(item), object_id=item.pk, data={"fields": {}}, author=people["editor"]
                )
        made = total
        with CaptureQueriesContext(connection) as captured:
            response = admin_client_logged_in.get(url)
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1] == counts[2], counts
    assert "Proposed change to “Article 19” (article)" in response.content.decode()
    assert "Proposed change to “Page 19” (page)" in response.content.decode()


def _ct(item):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(item).pk


def test_the_content_type_filter_offers_content_types_only(admin_client_logged_in):
    from editorial.registry import publishable_models

    html = admin_client_logged_in.get(reverse("admin:editorial_revision_changelist")).content.decode()
    filter_block = html[html.index('id="changelist-filter"') :]
    offered = set(re.findall(r"content_type__id__exact=\d+\"[^>]*>([^<]+)<", filter_block))
    expected = {capfirst(model._meta.verbose_name) for model in publishable_models()}
    assert offered == expected, offered


def test_a_forged_content_type_filter_is_not_a_500(admin_client_logged_in):
    response = admin_client_logged_in.get(reverse("admin:editorial_revision_changelist") + "?content_type__id__exact=x")
    assert response.status_code in (200, 302)
