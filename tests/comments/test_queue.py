"""The moderation queue built for triage (comments/admin_queue.py): what each row shows, its one-click
decisions (back to the queue with its filters, refused when someone decided first), bulk work by two
moderators, and a query count that does not grow with the rows."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from comments.admin_queue import waited
from comments.models import Comment, CommentStatus
from tests import factories
from tests.comments.test_moderation import held, login, moderators  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("moderators")]  # mod1 and mod2
QUEUE = reverse("admin:comments_comment_changelist") + "?status__exact=pending"


def user(username):
    return get_user_model().objects.get(username=username)


def moderate_url(comment, **query) -> str:
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])
    return f"{url}?{urlencode(query)}" if query else url


def row(html: str, comment) -> str:
    """The queue's table row for `comment`."""
    rows = re.findall(r"<tr>.*?</tr>", html, re.S)
    mine = [text for text in rows if f'value="{comment.pk}"' in text]
    assert len(mine) == 1, f"no single row for comment {comment.pk}"
    return mine[0]


def buttons(row_html: str) -> dict[str, str]:
    """Each one-click button's decision -> its formaction."""
    found = re.findall(r"<button[^>]*formaction=\"([^\"]+)\"[^>]*value=\"(\w+)\"", row_html)
    return {value: unescape(action) for action, value in found}


def test_waited_reads_like_a_person_would_say_it():
    now = timezone.now()
    assert [waited(now - timedelta(minutes=m), now) for m in (0, 5, 59, 60, 180, 47 * 60, 72 * 60)] == [
        "0 min", "5 min", "59 min", "1 h", "3 h", "47 h", "3 d",
    ]  # fmt: skip


def test_a_row_shows_article_writer_history_text_reasons_and_wait():
    article = factories.ArticleFactory(published=True, title="Kratom and sleep")
    comment = held(article, body="A first line about sleep.\nA second line.", minutes_ago=180, name="Sam")
    Comment.objects.filter(pk=comment.pk).update(
        hold_reasons=["first comment from this e-mail address", "dosing talk: a person reads it first"]
    )
    Comment.objects.create(article=article, name="Sam", email="w@example.org", body="Earlier", status="spam")
    html = login("mod1").get(QUEUE).content.decode()
    assert "<h1>Moderate reader comments</h1>" in html  # not "Select comment to change"
    for header in ("Comment", "Writer", "Held because", "Waiting", "Decide"):
        assert re.search(rf"<th[^>]*>\s*<div class=\"text\"><span>{header}</span>", html), header
    mine = row(html, comment)
    assert "Kratom and sleep" in mine and "Sam" in mine and "A first line about sleep." in mine
    assert "1 earlier: 1 spam" in mine  # the writer's history, counted
    assert (
        "<li>first comment from this e-mail address</li><li>dosing talk: a person reads it first</li>" in mine
    )  # the reasons in words, as a list: not JSON, not joined with "; "
    assert "[&quot;" not in mine and "; " not in mine
    assert re.search(r"<time datetime=\"[^\"]+\">3 h</time>", mine)
    assert f'href="{reverse("admin:comments_comment_change", args=[comment.pk])}"' in mine  # opens in full


def test_an_ordinary_row_decides_in_one_click_and_an_urgent_one_only_rejects_or_opens():
    ordinary, urgent = held(body="ordinary"), held(body="I want to die", urgent=True)
    queue = QUEUE + "&is_urgent__exact=0"
    html = login("mod1").get(QUEUE).content.decode()
    offered = buttons(row(html, ordinary))
    assert sorted(offered) == ["approve", "reject", "spam"]
    query = parse_qs(urlsplit(offered["approve"]).query)
    assert urlsplit(offered["approve"]).path == moderate_url(ordinary)
    assert query == {"seen": ["pending"], "next": [QUEUE]}  # what the moderator saw, and where to return

    urgent_row = row(html, urgent)
    assert sorted(buttons(urgent_row)) == ["reject"]  # never spam; approved only from its own page
    assert "Urgent" in urgent_row and "<svg" in urgent_row and "queue-urgent" in urgent_row
    assert "Approve it from its page, after reading it in full. Never spam." in urgent_row
    assert html.index(f'value="{urgent.pk}"') < html.index(f'value="{ordinary.pk}"')  # urgent on top

    filtered = login("mod1").get(queue).content.decode()  # the filters come back with the moderator
    assert parse_qs(urlsplit(buttons(row(filtered, ordinary))["reject"]).query)["next"] == [queue]


def test_one_click_decides_and_returns_to_the_queue_with_its_filters():
    comment = held()
    queue = QUEUE + "&is_urgent__exact=0"
    client = login("mod1")
    # The button submits the whole changelist form: its other fields are there too, and ignored.
    response = client.post(
        moderate_url(comment, seen="pending", next=queue),
        {"decision": "approve", "action": "", "index": "0", "_selected_action": [comment.pk]},
    )
    assert (response.status_code, response["Location"]) == (302, queue)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Done. The article shows the change at its next request."
    ]
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (CommentStatus.APPROVED, user("mod1"))


def test_one_click_on_a_comment_decided_meanwhile_is_refused_and_changes_nothing():
    comment = held()
    first = login("mod1").get(QUEUE).content.decode()
    approve = buttons(row(first, comment))["approve"]
    Comment.objects.filter(pk=comment.pk).update(status=CommentStatus.REJECTED, moderated_by=user("mod2"))
    page = login("mod1").post(approve, {"decision": "approve"}, follow=True)
    assert page.redirect_chain[0] == (QUEUE, 302)  # back to the queue, told
    assert "Someone else handled this comment already." in page.content.decode()
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (CommentStatus.REJECTED, user("mod2"))


@pytest.mark.parametrize("target", ["https://elsewhere.example/", "//elsewhere.example/admin/", "javascript:alert(1)"])
def test_next_must_be_a_local_address(target):
    comment = held()
    response = login("mod1").post(moderate_url(comment, seen="pending"), {"decision": "reject", "next": target})
    assert response["Location"] == QUEUE  # ignored: the default queue
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.REJECTED


def test_a_refusal_without_next_still_returns_to_the_comment():
    comment = held(urgent=True)
    response = login("mod1").post(moderate_url(comment), {"decision": "spam", "seen": "pending"})
    assert response["Location"] == reverse("admin:comments_comment_change", args=[comment.pk])
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.PENDING


def test_two_moderators_in_bulk_end_with_one_decision_each_and_the_second_is_told():
    first, second = held(body="one"), held(body="two")
    one, two = login("mod1"), login("mod2")
    assert one.get(QUEUE).status_code == two.get(QUEUE).status_code == 200  # both see them waiting
    selected = {"_selected_action": [first.pk, second.pk]}
    one.post(QUEUE, {"action": "moderate_reject", **selected})
    page = two.post(QUEUE, {"action": "moderate_approve", **selected}, follow=True)
    assert "2 comment(s): someone else handled this comment already." in page.content.decode()
    for comment in (first, second):
        comment.refresh_from_db()
        assert (comment.status, comment.moderated_by) == (CommentStatus.REJECTED, user("mod1"))


def test_urgent_comments_are_never_spam_in_bulk():
    urgent, ordinary = held(urgent=True), held()
    page = login("mod1").post(
        QUEUE, {"action": "moderate_spam", "_selected_action": [urgent.pk, ordinary.pk]}, follow=True
    )
    assert "never marked as spam" in page.content.decode()
    assert Comment.objects.get(pk=urgent.pk).status == CommentStatus.PENDING
    assert Comment.objects.get(pk=ordinary.pk).status == CommentStatus.SPAM


def test_the_queue_costs_the_same_queries_with_2_or_20_rows():
    client = login("mod1")
    counts = []
    for total in (2, 20):
        while Comment.objects.count() < total:
            n = Comment.objects.count()
            held(
                factories.ArticleFactory(published=True), urgent=n % 3 == 0, email=f"w{n % 4}@example.org"
            )  # urgent and ordinary rows, each on its own article, writers with a history
        with CaptureQueriesContext(connection) as captured:
            html = client.get(QUEUE).content.decode()
        assert html.count('class="action-select"') == total  # one row each
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_the_queue_page_carries_the_shortcuts_as_a_static_script_and_their_list():
    html = login("mod1").get(QUEUE).content.decode()
    assert re.search(r'<script src="[^"]*admin-extra/queue\.js" defer></script>', html)
    assert 'id="queue-keys"' in html and "<kbd>j</kbd>" in html  # shown by the script; nothing without it
    assert 'role="status"' in html  # where the focused row is announced


def test_a_long_history_is_counted_as_at_least_ten():
    article = factories.ArticleFactory(published=True)
    for _ in range(12):
        Comment.objects.create(article=article, name="S", email="w@example.org", body="x", status="approved")
    comment = held(article)
    assert "10+ earlier: 10 approved" in row(login("mod1").get(QUEUE).content.decode(), comment)


def test_support_resources_are_never_sent_in_bulk_without_their_preview():
    """The writer gets the exact mail the moderator read and confirmed on the comment's own page: there is no
    bulk action that sends it unseen (a forged one sends nothing)."""
    comment = held(urgent=True)
    mod = login("mod1")
    assert 'value="send_support"' not in mod.get(QUEUE).content.decode()
    mod.post(QUEUE, {"action": "send_support", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.support_requested_at is None
