"""Fixtures for the editorial workflow tests: one person per role, a draft, a live article."""

import pytest
from django.contrib.auth.models import Group

from editorial.models import Status
from editorial.roles import EDITOR, MODERATOR, REVIEWER
from editorial.workflow.services import content_approve, content_submit
from tests import factories
from tests.editorial.workflow_helpers import PASSWORD


@pytest.fixture
def people(django_user_model):
    """An editor, two medical reviewers and a moderator, each with a contributor profile where it matters."""
    users = {}
    for username, role in [
        ("editor", EDITOR),
        ("reviewer", REVIEWER),
        ("reviewer2", REVIEWER),
        ("moderator", MODERATOR),
    ]:
        user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        users[username] = user
    factories.ContributorFactory(name="Writer", slug="writer", credentials="", user=users["editor"])
    factories.ContributorFactory(name="Dr Review", slug="dr-review", credentials="MD", user=users["reviewer"])
    factories.ContributorFactory(name="Dr Two", slug="dr-two", credentials="PharmD", user=users["reviewer2"])
    return users


@pytest.fixture
def mailed(people):
    """The people with e-mail addresses and full names ("Editor Example"), as notifications name them."""
    for username in ("editor", "reviewer", "reviewer2"):
        people[username].email = f"{username}@example.org"
        people[username].first_name, people[username].last_name = username.capitalize(), "Example"
        people[username].save()
    return people


@pytest.fixture
def draft(people):
    factories.SourceFactory(key="fda")
    return factories.ArticleFactory(
        title="Draft article", body="Claim [@fda].", author=people["editor"].contributor, status=Status.DRAFT
    )


@pytest.fixture
def live(people, draft):
    content_submit(obj=draft, user=people["editor"])
    return content_approve(obj=draft, user=people["reviewer"], note="First review")
