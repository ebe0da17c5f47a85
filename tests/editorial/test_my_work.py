"""The admin home's own lists for the person logged in, their unread notifications, and what they cost."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from editorial.models import Notification, Status
from editorial.workflow.revisions import snapshot
from editorial.workflow.services import content_submit, content_transition, revision_propose
from tests import factories

pytestmark = pytest.mark.django_db


def lists(client) -> dict:
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return {entry["name"]: entry for entry in response.context["worklists"]}


def titles(entry) -> list[str]:
    return [row["title"] for row in entry["rows"]]


def signed_in(client, user):
    client.force_login(user)
    return client


def test_a_reviewer_is_shown_what_awaits_their_review_but_not_their_own(client, people, draft):
    content_submit(obj=draft, user=people["editor"])
    own = factories.ArticleFactory(title="Mine", author=people["reviewer"].contributor, status=Status.DRAFT, body="x")
    content_submit(obj=own, user=people["reviewer"])
    found = lists(signed_in(client, people["reviewer"]))
    assert titles(found["awaiting_review"]) == ["Draft article"]
    assert found["awaiting_review"]["count"] == 1
    assert not {"awaiting_review", "reviews_due"} & set(lists(signed_in(client, people["editor"])))  # not reviewers


def test_a_returned_item_is_returned_to_me_not_among_my_drafts(client, people, draft, django_user_model):
    other = factories.ArticleFactory(title="Still writing", author=people["editor"].contributor)
    factories.ArticleFactory(title="Someone else's", author=people["reviewer2"].contributor)
    content_submit(obj=draft, user=people["editor"])
    content_transition(obj=draft, name="return", user=people["reviewer"], note="Cite the trial.")
    found = lists(signed_in(client, people["editor"]))
    assert titles(found["returned"]) == ["Draft article"]
    assert found["returned"]["rows"][0]["note"] == "Cite the trial."  # why, from the reviewer
    assert titles(found["drafts"]) == [other.title]
    assert found["drafts"]["count"] == 1


def test_recently_published_and_the_reviews_due_that_i_own(client, people, live):
    factories.ArticleFactory(published=True, title="Long ago", published_at=timezone.now() - timedelta(days=90))
    old = timezone.now() - timedelta(days=500)
    factories.RiskItemFactory(
        published=True,
        published_at=old,
        title="Due risk",
        reviewed_by=people["reviewer"].contributor,
        last_reviewed_at=timezone.now() - timedelta(days=400),
    )
    factories.RiskItemFactory(
        published=True, published_at=old, title="Not mine", last_reviewed_at=timezone.now() - timedelta(days=400)
    )
    found = lists(signed_in(client, people["reviewer"]))
    assert titles(found["recently_published"]) == ["Draft article"]
    assert titles(found["reviews_due"]) == ["Due risk"]
    assert found["reviews_due"]["count"] == 1
    assert found["returned"]["rows"] == [] and found["returned"]["count"] == 0
    html = client.get(reverse("admin:index")).content.decode()
    assert "Nothing was returned to you." in html  # an empty list says so


def test_unread_notifications_are_listed_and_marked_read_when_opened(client, people, draft):
    content_submit(obj=draft, user=people["editor"], note="Please look at section 2.")
    signed_in(client, people["reviewer"])
    response = client.get(reverse("admin:index"))
    [notification] = response.context["notifications"]
    assert response.context["notifications_unread"] == 1
    assert "Please look at section 2." in response.content.decode()
    url = reverse("admin:editorial_notification_open", args=[notification.pk])
    assert f'action="{url}"' in response.content.decode()  # opened by a POST form, not a link
    followed = client.get(url)  # a GET (a prefetch, a crawler) goes there but changes nothing
    assert followed["Location"] == reverse("admin:articles_article_change", args=[draft.pk])
    assert Notification.objects.get(pk=notification.pk).read_at is None
    opened = client.post(url)
    assert opened.status_code == 302
    assert opened["Location"] == reverse("admin:articles_article_change", args=[draft.pk])
    assert Notification.objects.get(pk=notification.pk).read_at is not None
    assert client.get(reverse("admin:index")).context["notifications"] == []


def test_notifications_are_each_persons_own(client, people, draft):
    content_submit(obj=draft, user=people["editor"])
    theirs = Notification.objects.get(recipient=people["reviewer2"])
    signed_in(client, people["reviewer"])
    assert client.get(reverse("admin:editorial_notification_open", args=[theirs.pk])).status_code == 404
    listed = client.get(reverse("admin:editorial_notification_changelist")).context["cl"].result_list
    assert [row.recipient_id for row in listed] == [people["reviewer"].pk]
    assert client.get(reverse("admin:editorial_notification_read_all")).status_code == 405  # POST only
    assert client.post(reverse("admin:editorial_notification_read_all")).status_code == 302
    assert Notification.objects.get(recipient=people["reviewer"]).read_at is not None
    assert Notification.objects.get(pk=theirs.pk).read_at is None
    moderator = signed_in(client, people["moderator"])
    assert moderator.get(reverse("admin:editorial_notification_changelist")).status_code == 403
    assert moderator.get(reverse("admin:index")).context["notifications"] is None


def propose(item, user, title: str, note: str = "Retitled"):
    item.title = title
    return revision_propose(obj=item, data=snapshot(item), user=user, note=note)


def test_proposed_changes_by_others_await_a_reviewers_review(client, people, live):
    revision = propose(live, people["editor"], "Better title", note="The title said too much.")
    found = lists(signed_in(client, people["reviewer"]))
    [row] = found["proposed"]["rows"]
    assert found["proposed"]["count"] == 1
    assert (row["title"], row["note"]) == ("Draft article", "The title said too much.")
    assert row["url"] == reverse("admin:editorial_revision_change", args=[revision.pk])
    propose(live, people["reviewer2"], "Their title")
    assert titles(lists(signed_in(client, people["reviewer2"]))["proposed"]) == ["Draft article"]  # the editor's
    assert "proposed" not in lists(signed_in(client, people["editor"]))  # not a reviewer


def fill(people, n: int, start: int):
    """n items in each of the reviewer's lists, and n unread notifications."""
    reviewer, editor = people["reviewer"], people["editor"]
    for i in range(start, start + n):
        waiting = factories.ArticleFactory(title=f"W{i}", author=editor.contributor, body="x")
        content_submit(obj=waiting, user=editor)  # awaiting review, and a notification
        mine = factories.FAQEntryFactory(title=f"D{i}", author=reviewer.contributor)  # a draft of mine
        content_submit(obj=mine, user=reviewer)
        content_transition(obj=mine, name="return", user=people["reviewer2"], note="no")  # returned to me
        factories.FAQEntryFactory(title=f"M{i}", author=reviewer.contributor)  # my draft
        risk = factories.RiskItemFactory(
            published=True, reviewed_by=reviewer.contributor, last_reviewed_at=timezone.now() - timedelta(days=400)
        )  # recently published, and a review due that I own
        propose(risk, editor, f"Retitled {i}")  # a proposed change awaiting review


def test_the_dashboard_costs_the_same_queries_with_1_and_with_12_items_in_each_list(
    client, people, draft, django_assert_max_num_queries
):
    lists(signed_in(client, people["reviewer"]))  # the first request of a test also checks the content version
    counts = []
    for n, start in ((1, 0), (11, 1)):
        fill(people, n, start)
        with CaptureQueriesContext(connection) as captured:
            found = lists(client)
        counts.append(len(captured))
    assert all(entry["count"] >= 12 for entry in found.values()), {k: v["count"] for k, v in found.items()}
    assert all(len(entry["rows"]) == 5 for entry in found.values())
    assert counts[0] == counts[1], counts
    with django_assert_max_num_queries(30):
        lists(client)
