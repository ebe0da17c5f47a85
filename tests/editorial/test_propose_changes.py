"""Changes to live content take one visible path: "Propose changes" with a note saying what changed and why."""

from django.contrib.messages import constants
from django.urls import reverse

from articles.models import Article
from editorial.models import Revision, RevisionStatus
from tests.editorial.workflow_helpers import article_form, change_url, login

NOTE = "Corrected the dose in the second paragraph; the FDA page was updated."


def test_a_live_items_form_offers_propose_changes_with_a_note_and_no_save_buttons(people, live, draft):
    page = login("editor").get(change_url(live)).content.decode()
    assert 'name="_propose"' in page and "Propose changes" in page
    assert "What changed and why" in page and 'name="proposal-note"' in page
    assert 'name="_save"' not in page and 'name="_continue"' not in page and 'name="_addanother"' not in page


def test_a_drafts_form_has_no_note_and_keeps_save(people, draft):
    page = login("editor").get(change_url(draft)).content.decode()
    assert 'name="proposal-note"' not in page and 'name="_propose"' not in page
    assert 'name="_save"' in page


def test_proposing_needs_a_note(people, live):
    form = {**article_form(live, title="Retitled"), "proposal-note": "  "}
    response = login("editor").post(change_url(live), form)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Revision.objects.exists()
    assert 'value="Retitled"' in response.content.decode()  # nothing typed is lost


def test_a_proposal_is_stored_with_its_note_and_says_what_comes_next(people, live, client):
    editor = login("editor")
    form = {**article_form(live, body="Corrected claim [@fda]."), "proposal-note": NOTE, "_propose": "1"}
    response = editor.post(change_url(live), form, follow=True)

    revision = Revision.objects.get()
    assert (revision.status, revision.note, revision.author) == (RevisionStatus.PENDING, NOTE, people["editor"])
    assert revision.data["fields"] == {"body": "Corrected claim [@fda]."}
    assert Article.objects.get().body == "Claim [@fda]."  # the live row is untouched
    assert "Corrected claim" not in client.get(live.get_absolute_url()).content.decode()

    assert response.redirect_chain[-1][0] == reverse("admin:editorial_revision_change", args=[revision.pk])
    shown = [(message.level, message.message) for message in response.context["messages"]]
    assert shown[0][0] == constants.SUCCESS
    assert "waiting for a medical reviewer" in shown[0][1] and "Readers keep seeing the reviewed version" in shown[0][1]
    page = response.content.decode()
    assert "A different medical reviewer publishes it" in page
    assert "You cannot publish this revision" not in page  # the proposer is told what happens, not refused
    assert NOTE in page

    listing = editor.get(reverse("admin:editorial_revision_changelist")).content.decode()
    assert NOTE in listing


def test_a_reviewer_who_is_not_the_proposer_sees_real_problems_only(people, live):
    login("editor").post(change_url(live), {**article_form(live, body="No source any more."), "proposal-note": NOTE})
    revision = Revision.objects.get()
    page = login("reviewer2").get(reverse("admin:editorial_revision_change", args=[revision.pk])).content.decode()
    assert "You cannot publish this revision" in page and "cites no source" in page
    assert "A different medical reviewer publishes it" not in page


def test_proposing_nothing_changed_is_refused_with_a_form_error(people, live):
    form = {**article_form(live), "proposal-note": NOTE, "_propose": "1"}
    response = login("editor").post(change_url(live), form)
    assert response.status_code == 200
    assert "Nothing changed: edit a field before proposing." in response.content.decode()
    assert not Revision.objects.exists()
