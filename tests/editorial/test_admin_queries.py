"""The admin's content lists cost the same number of queries at 1, 10 and 100 rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

# Strain profiles are one per vein colour (three rows at most), so their list is not in this table.
LISTS = {
    "articles_article": lambda n: factories.ArticleFactory.create_batch(n, published=True),
    "faq_faqentry": lambda n: factories.FAQEntryFactory.create_batch(n, published=True),
    "risks_riskitem": lambda n: factories.RiskItemFactory.create_batch(n, published=True),
    "editorial_page": lambda n: factories.PageFactory.create_batch(n, published=True),
    "editorial_source": lambda n: factories.SourceFactory.create_batch(n),
    "editorial_contributor": lambda n: factories.ContributorFactory.create_batch(n),
}


@pytest.mark.parametrize("name", LISTS)
def test_content_lists_cost_the_same_queries_at_1_10_and_100_rows(admin_client_logged_in, name):
    url = reverse(f"admin:{name}_changelist")
    counts, made = [], 0
    for total in (1, 10, 100):
        LISTS[name](total - made)
        made = total
        with CaptureQueriesContext(connection) as captured:
            assert admin_client_logged_in.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1] == counts[2], counts
