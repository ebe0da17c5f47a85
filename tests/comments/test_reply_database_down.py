"""The database fails while a reply is checked or saved: the writer is told it was NOT saved, keeps their words,
and sees the crisis lines when the words call for them. A 503 with Retry-After, never a 500."""

import re
from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

from comments.models import Comment
from tests import factories
from tests.comments.test_reply import reply

pytestmark = pytest.mark.django_db

BODY = "Thank you for this careful article, it helped me."
CRISIS = "I want to end my life tonight."


@pytest.fixture
def article():
    return factories.ArticleFactory(published=True, title="On mood")


def assert_not_saved(response, *, body=BODY, crisis=False):
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Your reply was not saved" in html and "<strong>not saved</strong>" in html
    assert body in html  # in the textarea, to copy or send again
    assert 'value="sam@example.org"' in html and 'value="Sam"' in html
    assert html.count("data-safety-notice") == 1
    assert ('id="crisis-title"' in html) is crisis
    assert not Comment.objects.exists()
    return html


@pytest.mark.parametrize("crisis", [False, True])
def test_the_database_failing_while_saving_says_not_saved_and_keeps_the_words(client, article, crisis):
    body = CRISIS if crisis else BODY
    with mock.patch("comments.views.comment_create", side_effect=OperationalError("no answer")):
        html = assert_not_saved(reply(client, article, body=body), body=body, crisis=crisis)
    assert "On mood" in html and "Your reply was not sent" not in html


@pytest.mark.parametrize("crisis", [False, True])
def test_the_database_failing_before_the_article_is_read_still_says_not_saved(client, article, crisis):
    # The first query of a reply is the article, then the moderators' crisis phrases: both fail when the
    # database does not answer, and the crisis lines come from the built-in phrases.
    body = CRISIS if crisis else BODY
    failing = mock.patch("comments.views.get_object_or_404", side_effect=OperationalError("pool timeout"))
    with failing, mock.patch("comments.views.post_mentions_crisis", side_effect=OperationalError("down")):
        html = assert_not_saved(reply(client, article, body=body), body=body, crisis=crisis)
    assert f'href="{article.get_absolute_url()}"' in html
    # Once the database is back, the page they were left with sends the reply: once, however often.
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html))
    assert set(hidden) == {"csrfmiddlewaretoken", "ts"}
    again = {**hidden, "name": "Sam", "email": "sam@example.org", "body": body, "website": ""}
    url = reverse("comments:reply", args=[article.slug])
    for _ in range(2):
        assert client.post(url, again, REMOTE_ADDR="203.0.113.5").status_code == 303
    assert Comment.objects.get().body == body


def test_a_page_to_read_still_gets_the_sites_503_page(client, article):
    with mock.patch("comments.views.get_object_or_404", side_effect=OperationalError("pool timeout")):
        response = client.get(reverse("comments:reply", args=[article.slug]))
    assert response.status_code == 503 and response["Retry-After"]
    assert "Temporarily unavailable" in response.content.decode()
