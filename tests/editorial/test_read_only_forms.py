"""A form nobody may save offers no Save button: an item in review, a revision, a page only viewed."""

import pytest
from django.urls import reverse

from editorial.models import Revision, RevisionStatus
from editorial.workflow.services import content_submit, revision_propose
from tests.editorial.workflow_helpers import article_form, change_url, login

SAVE_BUTTONS = ('name="_save"', 'name="_continue"', 'name="_addanother"')


def save_buttons(html: str) -> list[str]:
    return [button for button in SAVE_BUTTONS if button in html]


@pytest.mark.parametrize("username", ["editor", "reviewer"])
def test_an_item_in_review_is_read_only_with_no_save_button(people, draft, username):
    content_submit(obj=draft, user=people["editor"])
    user = login(username)
    response = user.get(change_url(draft))
    assert response.status_code == 200
    assert save_buttons(response.content.decode()) == []
    assert user.post(change_url(draft), article_form(draft, title="Changed in review")).status_code == 403
    draft.refresh_from_db()
    assert draft.title == "Draft article"


@pytest.mark.parametrize("username", ["editor", "reviewer"])
def test_a_revision_page_has_no_save_button_and_saves_nothing(people, live, username):
    revision = revision_propose(obj=live, user=people["editor"], data={"fields": {"title": "Retitled"}})
    user = login(username)
    url = reverse("admin:editorial_revision_change", args=[revision.pk])
    assert save_buttons(user.get(url).content.decode()) == []
    assert user.post(url, {"note": "forged"}).status_code == 403
    assert Revision.objects.get().status == RevisionStatus.PENDING


def test_a_draft_keeps_its_save_buttons(people, draft):
    assert save_buttons(login("editor").get(change_url(draft)).content.decode()) == list(SAVE_BUTTONS)
