"""Paths around the review gate that must stay shut (found in review)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial.models import SearchEntry, Status, TransitionLog
from editorial.workflow.revisions import snapshot
from editorial.workflow.services import (
    WorkflowError,
    content_approve,
    content_archive,
    content_schedule,
    content_submit,
    content_unpublish,
    revision_propose,
    revision_publish,
)
from tests import factories
from tests.editorial.workflow_helpers import article_form, change_url, login

pytestmark = pytest.mark.django_db


def test_the_stock_history_view_cannot_save_even_a_valid_form(people, live):
    old = live.history.order_by("history_date").first()
    url = reverse("admin:articles_article_simple_history", args=[live.pk, old.history_id])
    response = login("editor").post(url, article_form(live, body="Kratom cures depression [@fda]."))
    assert response.status_code == 403
    assert Article.objects.get().body == "Claim [@fda]."
    assert login("editor").get(url).status_code == 200  # looking is fine


@pytest.mark.parametrize(
    "url",
    [
        "/admin/editorial/revision/abc/change/",
        "/admin/editorial/revision/abc/preview/",
        "/admin/articles/article/1/history/abc/",
        "/admin/articles/article/abc/history/1/",
        "/admin/articles/article/abc/history/compare/",
        "/admin/articles/article/abc/transition/publish/",
        "/admin/articles/article/1/transition/no-such-step/",
    ],
)
def test_junk_admin_ids_are_404_not_500(admin_client_logged_in, url):
    factories.ArticleFactory()
    assert admin_client_logged_in.get(url, follow=True).status_code == 404


def test_bad_content_can_always_be_taken_down(people, live):
    Article.objects.filter(pk=live.pk).update(body="Now cites [@no-such-key].")
    content_unpublish(obj=live, user=people["reviewer"])
    content_archive(obj=live, user=people["reviewer"])
    assert Article.objects.get().status == Status.ARCHIVED


def test_a_cited_source_keeps_its_key(live):
    source = live.citations.get().source
    source.key = "renamed"
    with pytest.raises(ValidationError, match="change those citations first"):
        source.full_clean()


def test_a_revision_cannot_be_published_by_the_articles_author(people):
    factories.SourceFactory(key="fda")
    own = factories.ArticleFactory(published=True, body="[@fda]", author=people["reviewer"].contributor)
    revision = revision_propose(obj=own, user=people["editor"], data={"fields": {"title": "Edited by the editor"}})
    with pytest.raises(WorkflowError, match="You are the author"):
        revision_publish(revision=revision, user=people["reviewer"])


def test_items_in_review_are_read_only_so_reviewers_approve_what_they_read(people, draft):
    content_submit(obj=draft, user=people["editor"])
    editor = login("editor")
    page = editor.get(change_url(draft)).content.decode()
    assert 'name="body"' not in page
    response = editor.post(change_url(draft), article_form(draft, body="Sneaked in [@fda]."))
    assert response.status_code == 403
    assert Article.objects.get().body == "Claim [@fda]."


def test_two_pending_revisions_of_different_fields_do_not_undo_each_other(people, live):
    title = revision_propose(
        obj=live, user=people["editor"], data=snapshot(Article(**{**_fields(live), "title": "T2"}))
    )
    body = revision_propose(obj=live, user=people["editor"], data={"fields": {"body": "New body [@fda]."}})
    assert title.data["fields"] == {"title": "T2"}
    revision_publish(revision=title, user=people["reviewer2"])
    revision_publish(revision=body, user=people["reviewer2"])
    live.refresh_from_db()
    assert (live.title, live.body) == ("T2", "New body [@fda].")


def _fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_only_a_reviewer_publishing_can_put_a_note_in_front_of_readers(people, draft, client):
    content_submit(obj=draft, user=people["editor"], note="UNREVIEWED CLAIM")
    TransitionLog.objects.update(material_change=True)  # even if someone ticks it on the log row
    content_approve(obj=draft, user=people["reviewer"], note="Reviewed note", material_change=True)
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "Reviewed note" in html
    assert "UNREVIEWED CLAIM" not in html


def test_the_material_tick_is_not_offered_when_submitting(people, draft):
    page = login("editor").get(reverse("admin:articles_article_transition", args=[draft.pk, "submit"]))
    assert "material_change" not in page.content.decode()


def test_a_refused_schedule_changes_nothing(people):
    own = factories.ArticleFactory(body="No sources.", status=Status.IN_REVIEW, author=people["reviewer"].contributor)
    with pytest.raises(WorkflowError):
        content_schedule(obj=own, user=people["reviewer"], when=timezone.now() + timedelta(days=2))
    own.refresh_from_db()
    assert own.published_at is None


def test_search_text_is_plain_text_without_entities():
    factories.ArticleFactory(published=True, body="Mood & sleep, doses < 5 matter.")
    assert "Mood & sleep, doses < 5 matter." in SearchEntry.objects.get().text


def test_only_site_administrators_change_contributors(people):
    contributor = people["reviewer"].contributor
    url = reverse("admin:editorial_contributor_change", args=[contributor.pk])
    response = login("reviewer").post(url, {"name": "Dr Review", "slug": "dr-review", "credentials": "Nobel laureate"})
    assert response.status_code == 403
    contributor.refresh_from_db()
    assert contributor.credentials == "MD"


def test_published_items_cannot_be_bulk_deleted_even_by_a_superuser(admin_client_logged_in):
    factories.ArticleFactory(published=True)
    changelist = admin_client_logged_in.get(reverse("admin:articles_article_changelist"))
    actions = [choice[0] for choice in changelist.context["action_form"].fields["action"].choices]
    assert "delete_selected" not in actions


def test_taking_content_off_the_site_says_so_and_offers_a_way_back(people, live):
    page = login("reviewer").get(reverse("admin:articles_article_transition", args=[live.pk, "unpublish"]))
    html = page.content.decode()
    assert "It is live: every reader stops seeing it at their next request." in html
    assert 'class="button-danger"' in html
    assert f'href="{change_url(live)}" class="cancel-link"' in html
    submitting = login("editor").get(reverse("admin:articles_article_transition", args=[live.pk, "submit"]))
    assert "warning-note" not in submitting.content.decode()  # a live item cannot be submitted: no warning either


def test_the_approve_page_shows_the_submitters_note_and_what_will_be_recorded(people, draft):
    content_submit(obj=draft, user=people["editor"], note="Please check the interaction table.")
    html = login("reviewer").get(reverse("admin:articles_article_transition", args=[draft.pk, "publish"])).content
    html = html.decode()
    assert "Please check the interaction table." in html
    assert "Submitted by editor" in html
    assert "you as the item's medical reviewer, today as the date of its last medical review" in html
    assert "material_change" not in html  # a first publication: readers have seen no earlier version


def test_material_change_is_offered_once_readers_have_seen_a_version(people, live):
    content_unpublish(obj=live, user=people["reviewer"])
    content_submit(obj=live, user=people["editor"], note="Corrected the dose wording.")
    html = login("reviewer2").get(reverse("admin:articles_article_transition", args=[live.pk, "publish"])).content
    assert "material_change" in html.decode()
