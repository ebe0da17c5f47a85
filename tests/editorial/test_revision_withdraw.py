"""Withdrawing a pending revision: by its proposer or a medical reviewer, from a page of its own (a form
nested in the revision's change form is dropped by browsers, so its button submitted the wrong form)."""

import pytest
from django.urls import reverse

from editorial.models import Revision, RevisionStatus
from editorial.workflow.services import revision_propose
from tests.editorial.workflow_helpers import login
from tests.html_checks import nested_forms


@pytest.fixture
def pending(people, live):
    return revision_propose(obj=live, user=people["editor"], data={"fields": {"title": "Retitled"}}, note="Clearer")


def test_the_nested_form_check_finds_what_it_forbids():
    assert nested_forms('<form id="a"><p><form action="/x/"></form></form>') == ['<form action="/x/">']
    assert nested_forms('<form id="a"></form><form id="b"></form>') == []


def test_the_check_runs_on_every_admin_page_the_client_opens(client):
    """The autouse fixture in tests/conftest.py wraps the test client; this page would fail it."""
    from django.test.client import Client

    assert Client.request.__name__ == "checked"


@pytest.mark.parametrize("username", ["editor", "reviewer"])
def test_the_proposer_and_a_reviewer_withdraw_through_a_confirmation_page(people, pending, username):
    user = login(username)
    page = user.get(reverse("admin:editorial_revision_change", args=[pending.pk])).content.decode()
    withdraw = reverse("admin:editorial_revision_withdraw", args=[pending.pk])
    assert f'href="{withdraw}"' in page
    confirm = user.get(withdraw)
    assert confirm.status_code == 200
    assert "Withdraw this revision?" in confirm.content.decode()
    assert Revision.objects.get().status == RevisionStatus.PENDING  # a GET changes nothing

    response = user.post(withdraw, follow=True)
    assert Revision.objects.get().status == RevisionStatus.WITHDRAWN
    assert "withdrawn" in response.content.decode()


def test_someone_else_cannot_withdraw(people, pending, django_user_model):
    from django.contrib.auth.models import Group

    from editorial.roles import EDITOR

    other = django_user_model.objects.create_user("editor2", password="a-long-test-password", is_staff=True)
    other.groups.add(Group.objects.get(name=EDITOR))
    user = login("editor2")
    page = user.get(reverse("admin:editorial_revision_change", args=[pending.pk])).content.decode()
    withdraw = reverse("admin:editorial_revision_withdraw", args=[pending.pk])
    assert withdraw not in page
    assert user.post(withdraw).status_code in {302, 403}
    assert Revision.objects.get().status == RevisionStatus.PENDING
