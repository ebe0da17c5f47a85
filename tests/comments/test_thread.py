"""The thread under an article: approved only, oldest first, one level, escaped, cacheable."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from tests import factories
from tests.comments.test_reply import reply
from tests.html_checks import elements

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return factories.ArticleFactory(published=True)


def add(article, body, status="approved", parent=None, name="Reader"):
    return Comment.objects.create(
        article=article, parent=parent, name=name, email=f"{name}@example.org", body=body, status=status
    )


def test_only_approved_comments_oldest_first_with_replies_nested(client, article):
    first = add(article, "First comment", name="Ann")
    add(article, "Second comment", name="Ben")
    add(article, "Held comment", status="pending")
    add(article, "Spam comment", status="spam")
    add(article, "A reply", parent=first, name="Cat")
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("First comment") < html.index("A reply") < html.index("Second comment")
    assert "Held comment" not in html and "Spam comment" not in html
    assert "Comments (3)" in html
    assert f'id="comment-{first.pk}"' in html and "comment--reply" in html


def test_bodies_are_escaped_keep_line_breaks_and_links_are_not_followed(client, article):
    add(article, "Line one\nline two\n\nNew paragraph with https://example.org/x and <b>tags</b>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Line one<br>line two" in html
    assert "&lt;b&gt;tags&lt;/b&gt;" in html
    links = [attrs for tag, attrs in elements(html) if tag == "a" and attrs.get("href") == "https://example.org/x"]
    assert links and links[0]["rel"] == "nofollow ugc noopener"


def test_the_article_page_stays_cookie_free_with_comments(client, article):
    add(article, "Hello")
    response = client.get(article.get_absolute_url())
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_query_count_is_constant_however_many_comments(client, article):
    counts = []
    for total in (1, 10, 100):
        while Comment.objects.count() < total:
            top = add(article, f"Comment {Comment.objects.count()}")
            add(article, "A reply", parent=top)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.get_absolute_url()).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1] == counts[2], counts
    assert counts[0] <= 12


def test_long_threads_are_paginated(client, article):
    for n in range(25):
        add(article, f"Comment number {n:02d}")
    first = client.get(article.get_absolute_url()).content.decode()
    assert "Comment number 00" in first and "Comment number 24" not in first
    second = client.get(article.get_absolute_url(), {"comments_page": 2}).content.decode()
    assert "Comment number 24" in second
    for junk in ("0", "abc", "\x00", "9" * 50):
        assert client.get(article.get_absolute_url(), {"comments_page": junk}).status_code == 400


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_posts_from_distinct_addresses_all_land_exactly_once():
    article = factories.ArticleFactory(published=True)
    results, barrier = [], threading.Barrier(20)

    def post(n):
        try:
            barrier.wait(timeout=10)
            response = reply(Client(), article, address=f"192.0.2.{n + 1}", email=f"r{n}@example.org", body=f"Post {n}")
            results.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == [303] * 20
    assert sorted(Comment.objects.values_list("body", flat=True)) == sorted(f"Post {n}" for n in range(20))
