"""The shared page cache: zero queries and 304s for repeat readers, and every change a reader could see
shows at the next request, including content scheduled for a later time."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from comments.models import Comment, CommentStatus
from comments.moderation import comment_moderate
from editorial.models import SafetyNotice, Status
from editorial.roles import MODERATOR, REVIEWER
from editorial.workflow.services import content_approve, content_schedule, content_submit
from page_cache import middleware as page_cache
from tests import factories

# Real commits: a new content version is made when a transaction commits, as in production.
pytestmark = pytest.mark.django_db(transaction=True)
REVIEW_DUE = "a review is due"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def article():
    return factories.ArticleFactory(published=True, title="Cached article")


@pytest.fixture
def stored(monkeypatch):
    """The page cache's entries in a store of their own (the content version stays in the real cache), to count."""
    store = LocMemCache("page-cache-test", {})
    store.clear()
    monkeypatch.setattr(page_cache, "cache", store)
    return store._cache


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWER), Group.objects.get(name=MODERATOR))
    factories.ContributorFactory(name="Dr Cache", credentials="MD", user=user)
    return user


def test_a_repeat_reader_gets_the_page_with_no_query_and_a_304_for_its_etag(article, django_assert_num_queries):
    first = Client().get(article.get_absolute_url())
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    etag = first["ETag"]
    with django_assert_num_queries(0):
        again = Client().get(article.get_absolute_url())
        not_modified = Client().get(article.get_absolute_url(), headers={"if-none-match": etag})
    assert again.content == first.content and again["ETag"] == etag
    assert not_modified.status_code == 304 and not_modified.content == b"" and not_modified["ETag"] == etag
    assert "Cache-Control" in not_modified and "Content-Security-Policy" in again  # outer headers still added


def test_each_real_page_and_topic_has_its_own_entry(article, stored, django_assert_num_queries):
    article.topics.add(factories.TopicFactory(slug="sleep"))
    factories.ArticleFactory.create_batch(12, published=True)
    Comment.objects.bulk_create(
        Comment(article=article, name="R", email="r@example.org", body=f"c{n}", status=CommentStatus.APPROVED)
        for n in range(21)  # two pages of comments
    )
    url = article.get_absolute_url()
    paths = ["/articles/", "/articles/?page=2", "/articles/?topic=sleep", url, f"{url}?comments_page=2"]
    first = [Client().get(path) for path in paths]
    assert len({response["ETag"] for response in first}) == len(paths) == len(stored)
    with django_assert_num_queries(0):
        assert [Client().get(path)["ETag"] for path in paths] == [response["ETag"] for response in first]


@pytest.mark.parametrize(
    "path", ["/articles/{slug}/?topic=fill{n}", "/articles/{slug}/?page={n}", "/faq/?page={n}", "/?utm_source=x{n}"]
)
def test_parameters_a_page_does_not_read_are_served_the_one_stored_page(article, stored, path):
    """The attack: `?topic=fill<n>` on an article stored one more copy of it per request."""
    first = Client().get(path.format(slug=article.slug, n=0))
    for n in range(1, 25):
        response, queries = get_counting(Client(), path.format(slug=article.slug, n=n))
        assert response["ETag"] == first["ETag"] and queries == 0
    assert len(stored) == 1


def test_an_unknown_parameter_is_a_cache_hit_not_a_render(django_assert_num_queries):
    home = Client().get("/")
    with django_assert_num_queries(0):
        tagged = Client().get("/?utm_source=newsletter&utm_medium=email")
    assert tagged.content == home.content and tagged["ETag"] == home["ETag"]


def test_a_dropped_parameter_never_reaches_the_page(article):
    factories.ArticleFactory.create_batch(12, published=True)
    tagged = Client().get("/articles/?utm_source=evil&page=2")  # {% querystring %} would carry it into the links
    assert "evil" not in tagged.content.decode()
    assert tagged["ETag"] == Client().get("/articles/?page=2")["ETag"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/articles/?page=999999", 404),  # past the last page
        ("/articles/?topic=fill1", 400),  # no such topic
        ("/articles/{slug}/?comments_page=2", 200),  # past the last comments page: the last one is shown
        ("/articles/{slug}/?comments_page=99999", 200),
    ],
)
def test_values_a_page_refuses_or_cannot_show_store_nothing(article, stored, path, status):
    for _ in range(2):
        response = Client().get(path.format(slug=article.slug))
        assert response.status_code == status and "ETag" not in response
    assert len(stored) == 0


@pytest.mark.parametrize("path", ["/articles/no-such-article/", "/no/such/path/", "/articles/{slug}/"])
def test_if_none_match_star_is_a_304_only_for_a_stored_page(article, path):
    path = path.format(slug=article.slug)
    assert Client().get(path, headers={"if-none-match": "*"}).status_code != 304  # RFC 9110: nothing stored yet
    if Client().get(path).status_code == 200:
        assert Client().get(path, headers={"if-none-match": "*"}).status_code == 304


def test_parameters_read_before_the_view_still_count(article):
    for path in ("/", "/get-help/"):
        assert "ETag" in Client().get(path)  # both stored without a query
    assert Client().get("/?p=123").status_code == 404  # an old WordPress link (wordpress/links.py), not the home page
    stray = Client().get("/?p=abc")  # no post ID: the home page, rendered uncached (HomeView's pattern refuses it)
    assert stray.status_code == 200 and "ETag" not in stray
    assert "Thank you for writing to us" in Client().get("/get-help/?from=reply").content.decode()


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/search/?q=mood", {}),
        ("/search/", {}),
        ("/articles/{slug}/reply/", {}),
        ("/articles/{slug}/", {"cookie": "sessionid=abc"}),
        ("/articles/{slug}/", {"cookie": "csrftoken=abc"}),
    ],
    ids=["search", "empty-search", "reply", "session-cookie", "any-cookie"],
)
def test_what_the_cache_never_stores_or_serves(article, path, headers):
    path = path.format(slug=article.slug)
    for _ in range(2):
        response, queries = get_counting(Client(), path, headers=headers)
        assert "ETag" not in response and queries > 0  # rendered every time


def test_a_logged_in_editor_is_never_served_or_stored(article, reviewer):
    url = article.get_absolute_url()
    etag = Client().get(url)["ETag"]  # an anonymous reader fills the cache
    editor = Client()
    editor.force_login(reviewer)
    response, queries = get_counting(editor, url)
    assert response.status_code == 200 and "ETag" not in response and queries > 0
    response, queries = get_counting(Client(), url)
    assert response["ETag"] == etag and queries == 0  # still the anonymous reader's page


def get_counting(client, path, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **kwargs)
    return response, len(queries)


def fresh(path: str) -> str:
    return Client().get(path).content.decode()


def test_publishing_shows_at_the_next_request(reviewer):
    draft = factories.ArticleFactory(title="Soon live", body="Text [@src].", author=factories.ContributorFactory())
    factories.SourceFactory(key="src")
    draft.save()
    assert "Soon live" not in fresh("/articles/")
    content_submit(obj=draft, user=reviewer)
    content_approve(obj=draft, user=reviewer)
    assert "Soon live" in fresh("/articles/")


def test_approving_a_comment_shows_at_the_next_request(article, reviewer):
    comment = Comment.objects.create(
        article=article, name="Reader", email="r@example.org", body="A held reply", status=CommentStatus.PENDING
    )
    assert "A held reply" not in fresh(article.get_absolute_url())
    comment_moderate(comment=comment, decision="approve", user=reviewer)
    assert "A held reply" in fresh(article.get_absolute_url())


def test_editing_a_source_a_contributor_or_the_safety_notice_shows_at_the_next_request(article):
    source = factories.SourceFactory(key="cited", title="Old source title")
    article.body = "A claim [@cited]."
    article.save()
    url = article.get_absolute_url()
    assert "Old source title" in fresh(url)
    source.title = "New source title"
    source.save()
    assert "New source title" in fresh(url)

    reviewer = article.reviewed_by
    reviewer.name = "Dr Renamed"
    reviewer.save()
    assert "Dr Renamed" in fresh(url)

    notice = SafetyNotice.objects.first() or SafetyNotice(pk=SafetyNotice.SINGLETON_PK)
    notice.message = "A new safety wording for readers."
    notice.save()
    assert "A new safety wording for readers." in fresh(url)


def test_a_scheduled_article_appears_at_its_time_with_fresh_etags(reviewer):
    factories.SourceFactory(key="src")
    at = (timezone.now() + timedelta(hours=2)).replace(microsecond=0)
    draft = factories.ArticleFactory(title="Scheduled one", body="Text [@src].")
    content_submit(obj=draft, user=reviewer)
    draft = content_schedule(obj=draft, user=reviewer, when=at)
    assert draft.status == Status.PUBLISHED
    before = Client().get("/articles/")
    assert "Scheduled one" not in before.content.decode()
    with time_machine.travel(at - timedelta(seconds=1), tick=False):
        assert Client().get("/articles/")["ETag"] == before["ETag"]  # nothing due yet: still cached
    with time_machine.travel(at + timedelta(seconds=1), tick=False):
        after = Client().get("/articles/")
        assert "Scheduled one" in after.content.decode() and after["ETag"] != before["ETag"]
        assert Client().get(f"/articles/{draft.slug}/").status_code == 200


def test_search_results_are_kept_per_content_version(article, reviewer):
    client = Client()
    first = client.get("/search/?q=cached")
    assert "Cached article" in first.content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/search/?q=cached")
    assert again.content == first.content
    searched = [q["sql"] for q in queries if "LIKE" in q["sql"] or "@@" in q["sql"] or "ts_headline" in q["sql"]]
    assert searched == []  # the repeat reads the kept results by id, not the search index
    factories.ArticleFactory(published=True, title="Another cached thing")  # a commit: a new version
    assert "Another cached thing" in client.get("/search/?q=cached").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "{url}?reply=anything",
        "{url}?comments_page=0",
        "{url}?comments_page=1e9",
        "{url}?comments_page=2&comments_page=3",
        "/articles/?page=2&page=3",
        "/articles/?topic=" + "a" * 101,
    ],
)
def test_values_a_page_reads_but_refuses_are_rendered_uncached(article, path):
    for _ in range(2):
        response, queries = get_counting(Client(), path.format(url=article.get_absolute_url()))
        assert "ETag" not in response and queries > 0


def test_a_review_falling_due_shows_at_its_time():
    article = factories.ArticleFactory(published=True)
    due = (timezone.now() + timedelta(hours=1)).replace(microsecond=0)
    article.last_reviewed_at = due - Article.review_interval()
    article.save()
    before = Client().get(article.get_absolute_url())
    with time_machine.travel(due + timedelta(seconds=1), tick=False):
        after = Client().get(article.get_absolute_url())
    assert after["ETag"] != before["ETag"]
    assert REVIEW_DUE not in before.content.decode() and REVIEW_DUE in after.content.decode()


def test_re_rendering_the_markdown_changes_the_version(article):
    before = Client().get(article.get_absolute_url())["ETag"]
    call_command("rerender_markdown", "--all", stdout=io.StringIO())
    assert Client().get(article.get_absolute_url())["ETag"] != before


def test_topics_their_links_and_deletions_show_at_the_next_request(article):
    topic = factories.TopicFactory(name="Sleep")
    before = Client().get("/articles/")["ETag"]
    article.topics.add(topic)  # a many-to-many change
    listed = Client().get("/articles/")
    assert "Sleep" in listed.content.decode() and listed["ETag"] != before
    topic.name = "Sleep and rest"
    topic.save()
    assert "Sleep and rest" in Client().get("/articles/").content.decode()
    article.delete()
    assert "Cached article" not in Client().get("/articles/").content.decode()


def test_replies_close_on_time_with_the_cache_on(settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    article = factories.ArticleFactory(published=True)  # published a day ago: replies open 29 more days
    closes = article.published_at + timedelta(days=30)
    assert "Replies to this article are closed" not in Client().get(article.get_absolute_url()).content.decode()
    with time_machine.travel(closes + timedelta(seconds=1), tick=False):
        page = Client().get(article.get_absolute_url()).content.decode()
    assert "Replies to this article are closed" in page
