"""The review screen: an item in review shows the reviewer what readers will see (the preview, framed beside
the fields), the submitter's note, and the decision (approve now / schedule / return with a required note),
with what each records spelled out. Returning needs a note, whoever asks: the admin or the service."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from editorial.models import Status
from editorial.workflow.services import WorkflowError, content_submit, content_transition
from tests.editorial.workflow_helpers import change_url, login, transition_url


def preview_url(obj) -> str:
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/preview/"


def decision_forms(html: str) -> dict[str, BeautifulSoup]:
    """The decision panel's forms, by the transition they post to."""
    panel = BeautifulSoup(html, "html.parser").find(id="decision")
    assert panel is not None, "no decision panel"
    return {form["action"].rstrip("/").rsplit("/", 1)[-1]: form for form in panel.find_all("form")}


@pytest.fixture
def in_review(people, draft):
    return content_submit(obj=draft, user=people["editor"], note="Rewrote the withdrawal section; check [@fda].")


def test_the_reviewer_reads_the_item_as_readers_will_see_it_beside_the_fields(people, in_review):
    html = login("reviewer").get(change_url(in_review)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    frame = soup.select_one(".review-screen iframe")
    assert frame is not None and frame["src"] == preview_url(in_review)
    assert "readers" in frame["title"].lower()
    assert soup.select_one(".review-screen .review-fields fieldset") is not None  # the fields, beside it
    note = soup.select_one(".submitted-note").get_text(" ", strip=True)
    assert "Submitted by editor" in note and "Rewrote the withdrawal section" in note


def test_the_page_cache_never_carries_the_previews_framing_to_readers(people, live, settings, client):
    settings.PAGE_CACHE = True
    assert login("reviewer").get(preview_url(live)).status_code == 200
    for _ in range(2):  # rendered, then served from the page cache
        page = client.get(live.get_absolute_url())
        assert page.status_code == 200
        assert page["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_the_preview_may_be_framed_by_the_admin_only(people, in_review):
    reviewer = login("reviewer")
    response = reviewer.get(preview_url(in_review))
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    public = reviewer.get("/")  # every other page still refuses to be framed
    assert public["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]


def test_the_decision_offers_approve_and_return_and_says_what_each_records(people, in_review):
    html = login("reviewer").get(change_url(in_review)).content.decode()
    forms = decision_forms(html)
    # No future time is set, so nothing to schedule; archiving is the toolbar's, with its own warning.
    assert set(forms) == {"publish", "return"}
    assert forms["return"].find("textarea", attrs={"name": "note"}).has_attr("required")
    assert not forms["publish"].find("textarea", attrs={"name": "note"}).has_attr("required")
    panel = BeautifulSoup(html, "html.parser").find(id="decision").get_text(" ", strip=True)
    assert "you as the item's medical reviewer" in panel
    assert 'Set "published at" to a future time before scheduling.' in panel  # why schedule is not offered
    assert "Material change" not in panel  # never published: readers have no earlier version to compare


def test_schedule_is_offered_when_the_editor_set_a_future_time(people, draft):
    draft.published_at = timezone.now() + timedelta(days=3)
    draft.save()
    content_submit(obj=draft, user=people["editor"])
    forms = decision_forms(login("reviewer").get(change_url(draft)).content.decode())
    assert "schedule" in forms


def test_the_author_is_told_why_they_cannot_approve_instead_of_a_button(people, in_review):
    in_review.author = people["reviewer"].contributor
    in_review.save()
    html = login("reviewer").get(change_url(in_review)).content.decode()
    assert "publish" not in decision_forms(html)
    assert "You are the author. Another medical reviewer must approve it." in html


def test_an_editor_sees_the_item_and_no_decision_they_cannot_take(people, in_review):
    html = login("editor").get(change_url(in_review)).content.decode()
    assert BeautifulSoup(html, "html.parser").select_one(".review-screen iframe") is not None
    assert decision_forms(html) == {}


def test_returning_without_a_note_is_refused_and_changes_nothing(people, in_review):
    response = login("reviewer").post(transition_url(in_review, "return"), {"note": "  "})
    assert response.status_code == 400
    assert "say what the editor should change" in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.status == Status.IN_REVIEW
    with pytest.raises(WorkflowError):
        content_transition(obj=in_review, name="return", user=people["reviewer"], note="")
    in_review.refresh_from_db()
    assert in_review.status == Status.IN_REVIEW


def test_returning_with_a_note_returns_it(people, in_review):
    response = login("reviewer").post(transition_url(in_review, "return"), {"note": "Cite the 2022 survey."})
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == Status.DRAFT
    assert in_review.transition_logs.get(transition="return").note == "Cite the 2022 survey."


def test_returning_is_not_a_bulk_action_since_each_needs_its_own_note(people, draft):
    html = login("reviewer").get("/admin/articles/article/").content.decode()
    assert 'value="transition_publish"' in html
    assert 'value="transition_return"' not in html


def test_a_proposed_revision_is_shown_as_readers_would_see_it_beside_its_changes(people, live):
    from editorial.workflow.services import revision_propose

    revision = revision_propose(obj=live, user=people["editor"], data={"fields": {"title": "Retitled"}}, note="Title")
    html = login("reviewer").get(f"/admin/editorial/revision/{revision.pk}/change/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".review-screen iframe")["src"] == f"/admin/editorial/revision/{revision.pk}/preview/"
    assert "Retitled" in soup.select_one(".review-screen .review-fields").get_text()
