"""The change form names the body's syntax, loads the writing buttons, and serves the sources to cite."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from editorial.roles import MODERATOR
from tests import factories
from tests.editorial.workflow_helpers import PASSWORD

pytestmark = pytest.mark.django_db


def _form(client, article):
    return client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()


def test_the_form_names_the_body_syntax_and_loads_the_writing_tools(client, people):
    client.force_login(people["editor"])
    html = _form(client, factories.ArticleFactory(author=people["editor"].contributor))
    assert "[@source-key]" in html
    assert "![what the image shows](url)" in html
    assert "![decorative](url)" in html
    assert "admin-extra/writing.js" in html
    assert "admin-extra/writing.css" in html
    assert 'data-sources-url="/' in html


def test_an_editor_gets_the_sources_to_cite(client, people):
    factories.SourceFactory(key="who-2021", title="WHO report")
    factories.SourceFactory(key="fda-2019", title="FDA warning")
    client.force_login(people["editor"])
    response = client.get(reverse("admin:articles_article_sources"))
    assert response.status_code == 200
    assert response.json()["sources"] == [
        {"key": "fda-2019", "title": "FDA warning"},
        {"key": "who-2021", "title": "WHO report"},
    ]


def test_the_sources_are_staff_only_and_for_those_who_write(client, people, django_user_model):
    factories.SourceFactory(key="who-2021")
    url = reverse("admin:articles_article_sources")
    assert client.get(url).status_code == 302  # to the login page
    moderator = django_user_model.objects.get(username="moderator")
    assert moderator.groups.filter(name=MODERATOR).exists()
    client.force_login(moderator)
    assert client.get(url).status_code == 403
    reader = django_user_model.objects.create_user("reader", password=PASSWORD)
    reader.groups.add(Group.objects.get(name=MODERATOR))
    client.force_login(reader)
    assert client.get(url).status_code == 302  # not staff
