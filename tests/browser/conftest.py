import pytest
from django.contrib.auth.models import Group

from editorial.roles import EDITOR
from tests import factories

PASSWORD = "a-long-test-password"


@pytest.fixture
def browser_page(browser):
    """A desktop-sized page (the `browser` fixture is in tests/conftest.py)."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def editor(db, django_user_model):
    """An editor, "ed" (PASSWORD), with a contributor profile, and two sources to cite."""
    user = django_user_model.objects.create_user("ed", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    factories.ContributorFactory(name="Ed Writer", credentials="", user=user)
    factories.SourceFactory(key="fda-kratom", title="FDA and Kratom")
    factories.SourceFactory(key="who-2021", title="WHO review")
    return user
