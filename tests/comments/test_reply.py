"""Leave a reply: the page, the rules, crisis first, abuse defences, privacy."""

import secrets
import time

import pytest
from django.conf import settings as django_settings
from django.core import signing
from django.test import Client
from django.urls import reverse

from comments.forms import SALT
from comments.identity import confirmation_link, confirmation_offer
from comments.models import Comment, CommentStatus, ModerationSettings
from editorial.net import UnknownClientAddress, client_ip, ip_hash
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return factories.ArticleFactory(published=True, title="On mood")


def stamp(article, age: float = 10) -> str:
    """A signed form timestamp as the reply page would have issued it `age` seconds ago (one-time number too)."""
    return signing.dumps({"a": article.pk, "t": time.time() - age, "n": secrets.token_hex(16)}, salt=SALT)


def reply(client, article, *, address="203.0.113.5", query="", headers=None, **fields):
    data = {"name": "Sam", "email": "sam@example.org", "body": "Thank you for this careful article.", "website": ""}
    data.update(fields)
    data.setdefault("ts", stamp(article))
    url = reverse("comments:reply", args=[article.slug]) + query
    return client.post(url, data, REMOTE_ADDR=address, headers=headers)


def approved_before(email="sam@example.org", article=None):
    article = article or factories.ArticleFactory(published=True)
    return Comment.objects.create(article=article, name="Sam", email=email, body="Earlier.", status="approved")


def returning(client, email="sam@example.org", article=None) -> Comment:
    """A verified returning writer, made the way the product makes one: an approved comment, and the
    mailed confirmation link opened and confirmed in this client's browser."""
    comment = approved_before(email=email, article=article)
    confirmation_offer(comment)  # what a moderator's approval does; the mail itself goes after the response
    link = confirmation_link(comment).removeprefix(django_settings.SITE_URL)
    assert client.post(link).status_code == 200
    return comment


def test_the_reply_page_is_private_uncached_and_has_what_a_reader_needs(client, article):
    response = client.get(reverse("comments:reply", args=[article.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert "no-cache" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in html
    assert 'href="/privacy/"' in html
    assert 'name="website"' in html and 'name="ts"' in html
    assert html.count("data-safety-notice") == 1


def test_a_first_comment_is_held_and_the_writer_told_so(client, article):
    response = reply(client, article)
    assert response.status_code == 303
    assert response["Location"] == f"{article.get_absolute_url()}?reply=held#comments"
    comment = Comment.objects.get()
    assert (comment.status, comment.hold_reasons) == (CommentStatus.PENDING, ["first comment from this e-mail address"])
    page = client.get(response["Location"]).content.decode()
    assert "awaiting moderation" in page
    assert "Thank you for this careful article." not in page


def test_a_returning_commenter_who_trips_no_rule_is_published_at_once(client, article):
    returning(client)
    response = reply(client, article, email="SAM@example.org")
    assert response["Location"].endswith("?reply=published#comments")
    assert Comment.objects.get(article=article).status == CommentStatus.APPROVED
    assert "Thank you for this careful article." in client.get(article.get_absolute_url()).content.decode()


RULES = [
    ({"disallowed_words": "casino"}, {"body": "Visit the casino today"}, "spam", "disallowed word: casino"),
    ({"disallowed_names": "spammer"}, {"name": "Spammer"}, "spam", "disallowed name: spammer"),
    ({"disallowed_email_domains": "bad.example"}, {"email": "x@bad.example"}, "spam", "disallowed e-mail domain"),
    ({"disallowed_link_domains": "shop.example"}, {"body": "see https://www.shop.example/k"}, "spam", "link domain"),
    ({}, {"body": "More at https://example.org/study please"}, "pending", "1 link(s); the limit is 1"),
    ({"link_threshold": 3}, {"body": "See https://example.org and https://example.net"}, "approved", None),
    ({"moderation_words": "miracle"}, {"body": "It is a miracle plant"}, "pending", "moderation word: miracle"),
    ({}, {"body": "I take 5 grams each morning"}, "pending", "dosing talk"),
    ({}, {"body": "What dose works for low mood?"}, "pending", "dosing talk"),
    ({}, {"body": "Where can I buy the red kind?"}, "pending", "vendor or where-to-buy talk"),
    ({"hold_everything": True}, {}, "pending", "all comments are being held"),
]


@pytest.mark.parametrize(("policy", "fields", "status", "reason"), RULES)
def test_each_rule_sets_its_status_and_records_why(client, article, policy, fields, status, reason):
    returning(client, email=fields.get("email", "sam@example.org"))
    ModerationSettings.objects.update_or_create(pk=1, defaults=policy)
    assert reply(client, article, **fields).status_code == 303
    comment = Comment.objects.get(article=article)
    assert comment.status == status
    if reason:
        assert any(reason in held for held in comment.hold_reasons), comment.hold_reasons
    else:
        assert comment.hold_reasons == []


def test_crisis_comes_first_is_urgent_never_spam_and_sends_the_writer_to_help(client, article):
    returning(client)
    ModerationSettings.objects.update_or_create(pk=1, defaults={"disallowed_words": "casino"})
    response = reply(client, article, body="I lost everything at the casino and I want to die")
    assert response.status_code == 303
    assert response["Location"] == "/get-help/?from=reply"
    comment = Comment.objects.get(article=article)
    assert comment.is_urgent
    assert comment.status == CommentStatus.PENDING  # held, never spam, never published
    assert comment.hold_reasons[0].startswith("crisis language")
    help_page = client.get(response["Location"]).content.decode()
    assert "A member of our team will read your message" in help_page
    assert "988" in help_page


def test_a_refused_post_that_mentions_crisis_still_shows_help(client, article):
    response = reply(client, article, body="I can't go on anymore", website="http://bot.example")
    assert response.status_code == 400
    assert "If you are thinking about ending your life" in response.content.decode()
    assert not Comment.objects.exists()


HOSTILE = {
    "html": {"body": "<b>bold</b> claim"},
    "script": {"body": "<script>alert(1)</script>"},
    "html in name": {"name": "<img src=x onerror=alert(1)>"},
    "10,000 characters": {"body": "x" * 10_000},
    "right-to-left override": {"body": "harmless \u202egnp.exe"},
    "zero-width characters": {"name": "S\u200bam"},
    "nul": {"body": "null \x00 byte"},
    "control character": {"body": "bell \x07"},
    "missing body": {"body": ""},
    "missing name": {"name": ""},
    "bad e-mail": {"email": "not-an-address"},
    "forged timestamp": {"ts": "forged:value"},
    "stale timestamp": {"ts": "STALE"},
    "too fast": {"ts": "FAST"},
    "another article's timestamp": {"ts": "OTHER"},
    "filled honeypot": {"website": "http://spam.example"},
}


@pytest.mark.parametrize("fields", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_gets_a_4xx_and_stores_nothing(client, article, fields):
    fields = dict(fields)
    special = {
        "STALE": stamp(article, age=3 * 60 * 60),
        "FAST": stamp(article, age=0),
        "OTHER": stamp(factories.ArticleFactory(published=True)),
    }
    if fields.get("ts") in special:
        fields["ts"] = special[fields["ts"]]
    response = reply(client, article, **fields)
    assert 400 <= response.status_code < 500
    html = response.content.decode()
    assert 'class="error-summary"' in html and "autofocus" in html
    assert "<script>alert(1)" not in html and "<b>bold</b>" not in html
    assert not Comment.objects.exists()


def test_missing_fields_altogether_are_a_400(client, article):
    response = client.post(reverse("comments:reply", args=[article.slug]), {})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Comment.objects.exists()


def test_csrf_is_enforced(article):
    strict = Client(enforce_csrf_checks=True)
    assert reply(strict, article).status_code == 403
    assert not Comment.objects.exists()


def test_the_same_comment_twice_is_stored_once(client, article):
    assert reply(client, article).status_code == 303
    assert reply(client, article).status_code == 303
    assert Comment.objects.count() == 1


def fresh_client() -> Client:
    """A client on a new database connection, as another process would be."""
    from django.db import connections

    connections.close_all()
    return Client()


@pytest.mark.django_db(transaction=True)  # real commits, so each client can use its own connection
def test_rate_limit_per_address_holds_across_clients(article, settings):
    settings.COMMENTS_RATE_LIMITS = [(5, 600), (20, 86400)]
    for n in range(5):
        client = fresh_client()
        assert reply(client, article, email=f"p{n}@example.org", body=f"Comment number {n}").status_code == 303
    refused = reply(fresh_client(), article, email="p9@example.org", body="One more")
    assert refused.status_code == 429
    assert "Please wait a while" in refused.content.decode()
    assert Comment.objects.count() == 5


@pytest.mark.django_db(transaction=True)
def test_rate_limit_per_email_holds_across_addresses(article, settings):
    settings.COMMENTS_RATE_LIMITS = [(2, 600)]
    for n in range(2):
        assert reply(fresh_client(), article, address=f"198.51.100.{n}", body=f"Body {n}").status_code == 303
    assert reply(fresh_client(), article, address="198.51.100.9", body="Body 9").status_code == 429


def test_closed_articles_refuse_replies(client):
    closed = factories.ArticleFactory(published=True, comments_enabled=False)
    page = client.get(closed.get_absolute_url()).content.decode()
    assert "Replies to this article are closed." in page
    assert reverse("comments:reply", args=[closed.slug]) not in page
    assert client.get(reverse("comments:reply", args=[closed.slug])).status_code == 403
    assert reply(client, closed).status_code == 403
    assert not Comment.objects.exists()


def test_replies_close_after_the_configured_days(client, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = factories.ArticleFactory(published=True, published_at=timezone.now() - timedelta(days=31))
    assert client.get(reverse("comments:reply", args=[old.slug])).status_code == 403


@pytest.mark.parametrize("parent", ["junk", "0", "-1", "9" * 30, "1\x00"])
def test_junk_parent_ids_are_a_400(client, article, parent):
    assert client.get(reverse("comments:reply", args=[article.slug]), {"parent": parent}).status_code == 400


def test_replies_stay_one_level_deep_and_only_under_approved_comments_of_the_article(client, article):
    top = approved_before(article=article)
    child = Comment.objects.create(
        article=article, parent=top, name="B", email="b@example.org", body="Hi", status="approved"
    )
    hidden = Comment.objects.create(article=article, name="C", email="c@example.org", body="Held", status="pending")
    elsewhere = approved_before(email="d@example.org")
    assert reply(client, article, query=f"?parent={hidden.pk}").status_code == 400
    assert reply(client, article, query=f"?parent={elsewhere.pk}").status_code == 400
    assert reply(client, article, query=f"?parent={child.pk}", body="Answering the reply").status_code == 303
    assert Comment.objects.get(body="Answering the reply").parent == top


def test_the_address_is_stored_only_as_a_keyed_hash(client, article):
    reply(client, article, address="192.0.2.44", headers={"user-agent": "x" * 500})
    comment = Comment.objects.get()
    assert comment.ip_hash == ip_hash("192.0.2.44")
    assert "192.0.2.44" not in comment.ip_hash
    assert len(comment.user_agent) == 200


@pytest.mark.parametrize(
    ("hops", "forwarded", "remote", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.1", "10.0.0.1"),  # no trusted proxy: the header is ignored
        (1, "1.2.3.4", "10.0.0.1", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "10.0.0.1", "1.2.3.4"),  # a spoofed first entry is not trusted
        (2, "6.6.6.6, 1.2.3.4, 10.0.0.2", "10.0.0.1", "1.2.3.4"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(rf, settings, hops, forwarded, remote, expected):
    settings.TRUSTED_PROXY_COUNT = hops
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    assert client_ip(request) == expected


def test_an_unreadable_forwarded_address_is_refused_not_pooled(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    with pytest.raises(UnknownClientAddress):
        client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="not-an-ip", REMOTE_ADDR="10.0.0.1"))


def test_refusals_before_the_form_is_read_still_show_crisis_lines(client):
    closed = factories.ArticleFactory(published=True, comments_enabled=False)
    response = reply(client, closed, body="I don't want to live anymore")
    assert response.status_code == 403
    assert "If you are thinking about ending your life" in response.content.decode()
    open_article = factories.ArticleFactory(published=True)
    response = reply(client, open_article, query="?parent=999999", body="nobody would miss me")
    assert response.status_code == 400
    assert "If you are thinking about ending your life" in response.content.decode()


def test_crisis_language_in_the_name_alone_counts(client, article):
    response = reply(client, article, name="i want to die", website="filled")
    assert response.status_code == 400
    assert "If you are thinking about ending your life" in response.content.decode()


def test_a_duplicate_that_now_mentions_crisis_marks_the_first_urgent(client, article):
    returning(client)
    assert reply(client, article).status_code == 303
    assert Comment.objects.get(article=article).status == CommentStatus.APPROVED
    response = reply(client, article, name="I want to end it all")
    assert response["Location"] == "/get-help/?from=reply"
    comment = Comment.objects.get(article=article)
    assert (comment.is_urgent, comment.status) == (True, CommentStatus.PENDING)


def test_a_failed_csrf_check_on_a_crisis_reply_shows_help(article):
    strict = Client(enforce_csrf_checks=True)
    response = reply(strict, article, body="I want to die")
    assert response.status_code == 403
    assert "If you are thinking about ending your life" in response.content.decode()
    assert response.content.decode().count("data-safety-notice") == 1


@pytest.mark.parametrize("body", ["see http://[x", "HTTP://[", "www.[::1 and http://[abc]/", "http://[::1]:8000/"])
def test_a_broken_bracketed_link_is_held_as_a_link_not_a_500(client, article, body):
    # Found by tests/security/test_fuzz.py: urlsplit() raises ValueError on such hosts.
    returning(client)
    response = reply(client, article, body=body)
    assert response.status_code == 303
    comment = Comment.objects.get(article=article)
    assert comment.status == CommentStatus.PENDING
    assert any("link(s)" in reason for reason in comment.hold_reasons), comment.hold_reasons
