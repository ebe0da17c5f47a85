"""A reader leaves a reply through the real page, without JavaScript help, and is told what happens next."""

import pytest

from comments.models import Comment
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_posts_a_reply_and_sees_the_message(browser_page, live_server, settings):
    settings.COMMENTS_MIN_SECONDS = 1
    article = factories.ArticleFactory(published=True, title="Living with low mood")
    page = browser_page
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.click("text=Leave a reply")
    page.fill("#id_name", "Robin")
    page.fill("#id_email", "robin@example.org")
    page.fill("#id_body", "Thank you; this helped me talk to my GP.")
    page.wait_for_timeout(1200)
    page.click(".reply-form button[type=submit]")
    page.locator("#comments [role=status]").wait_for()
    assert "awaiting moderation" in page.locator("#comments [role=status]").inner_text()
    assert page.url.endswith("?reply=held#comments")
    assert Comment.objects.get().name == "Robin"


def test_a_failed_reply_moves_focus_to_the_error_summary(browser_page, live_server):
    article = factories.ArticleFactory(published=True)
    page = browser_page
    page.goto(f"{live_server.url}/articles/{article.slug}/reply/")
    page.click(".reply-form button[type=submit]")  # empty, and too fast
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert not Comment.objects.exists()


def test_a_reply_approved_by_a_moderator_appears_on_the_article(browser_page, live_server, settings, django_user_model):
    from django.contrib.auth.models import Group

    from editorial.roles import MODERATOR

    settings.COMMENTS_MIN_SECONDS = 1
    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "a-long-test-password", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATOR))
    article = factories.ArticleFactory(published=True)
    page = browser_page

    page.goto(f"{live_server.url}/articles/{article.slug}/reply/")
    page.fill("#id_name", "Robin")
    page.fill("#id_email", "robin@example.org")
    page.fill("#id_body", "Talking therapy helped me more than anything.")
    page.wait_for_timeout(1200)
    page.click(".reply-form button[type=submit]")
    page.locator("#comments [role=status]").wait_for()
    assert "Talking therapy helped" not in page.locator("#comments").inner_text()

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "mod")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/comments/comment/")
    page.click("text=Talking therapy helped me more than anything.")
    page.fill("#moderation-note", "Kind and on topic")
    page.click("button[value=approve]")
    page.locator(".messagelist .success").wait_for()

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert "Talking therapy helped me more than anything." in page.locator("#comments").inner_text()
    comment = Comment.objects.get()
    assert (comment.status, comment.moderated_by, comment.moderation_note) == (
        "approved",
        moderator,
        "Kind and on topic",
    )
