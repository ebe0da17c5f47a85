"""A medical reviewer never approves their own work, whatever the author field says (the attack: set it
to someone else, or leave it blank). Who wrote it comes from history: creator and editors since the
last review."""

import pytest
from django.urls import reverse

from articles.models import Article
from editorial.models import Status
from editorial.workflow.transitions import EDITED_IT
from tests import factories
from tests.editorial.workflow_helpers import article_form, change_url, login, transition_url

pytestmark = pytest.mark.django_db


def add_article(client, **fields) -> Article:
    data = article_form(Article(title="Mine", slug="mine", summary="S.", body="Claim [@fda].", key_takeaways=""))
    data.update(fields)
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Article.objects.get(slug="mine")


def approve(client, article):
    return client.post(transition_url(article, "publish"), {"note": "ok"}, follow=True)


@pytest.mark.parametrize("author", ["", "other"])
def test_a_reviewer_cannot_approve_an_article_they_created_under_another_author_or_none(people, author):
    factories.SourceFactory(key="fda")
    other = factories.ContributorFactory(name="Someone Else", slug="someone-else")
    reviewer = login("reviewer")
    article = add_article(reviewer, author=other.pk if author else "")
    reviewer.post(transition_url(article, "submit"), {"note": "ready"})
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW

    response = approve(reviewer, article)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert str(EDITED_IT) in response.content.decode()
    assert article.reviewed_by is None

    # Another reviewer, who touched nothing, may approve it.
    approve(login("reviewer2"), article)
    article.refresh_from_db()
    assert (article.status, article.reviewed_by.slug) == (Status.PUBLISHED, "dr-two")


def test_a_reviewer_who_changed_an_editors_draft_cannot_approve_it(people, draft):
    reviewer = login("reviewer")
    response = reviewer.post(change_url(draft), article_form(draft, body="Claim, reworded by me [@fda]."))
    assert response.status_code == 302
    editor = login("editor")
    editor.post(transition_url(draft, "submit"), {"note": "ready"})

    approve(reviewer, draft)
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW

    approve(login("reviewer2"), draft)
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED


def test_status_changes_alone_do_not_make_a_reviewer_an_editor(people, draft):
    """Returning a draft (a history row by the reviewer, no content change) does not bar them."""
    editor, reviewer = login("editor"), login("reviewer")
    editor.post(transition_url(draft, "submit"), {"note": "ready"})
    reviewer.post(transition_url(draft, "return"), {"note": "add a source"})
    editor.post(transition_url(draft, "submit"), {"note": "again"})
    approve(reviewer, draft)
    draft.refresh_from_db()
    assert (draft.status, draft.reviewed_by.slug) == (Status.PUBLISHED, "dr-review")


def test_editing_before_the_last_review_does_not_bar_a_later_review(people, draft):
    """What counts is content changed since the item was last approved."""
    reviewer2 = login("reviewer2")
    reviewer2.post(change_url(draft), article_form(draft, body="An early fix [@fda]."))
    editor = login("editor")
    editor.post(transition_url(draft, "submit"), {"note": "ready"})
    approve(login("reviewer"), draft)
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    # Published, then unpublished by a reviewer and sent back: reviewer2's old edit predates that review.
    login("reviewer").post(transition_url(draft, "unpublish"), {"note": "recheck"})
    editor.post(transition_url(draft, "submit"), {"note": "rechecked"})
    approve(reviewer2, draft)
    draft.refresh_from_db()
    assert (draft.status, draft.reviewed_by.slug) == (Status.PUBLISHED, "dr-two")


def test_changing_only_related_items_or_child_rows_counts_as_changing_it(people, draft):
    """Found by review: a reviewer removed a draft's related risks (not in its own history), then approved it."""
    risk = factories.RiskItemFactory(published=True)
    draft.related_risks.add(risk)
    reviewer = login("reviewer")
    response = reviewer.post(change_url(draft), article_form(draft, related_risks=[]))
    assert response.status_code == 302 and not draft.related_risks.exists()
    login("editor").post(transition_url(draft, "submit"), {"note": "ready"})
    approve(reviewer, draft)
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
