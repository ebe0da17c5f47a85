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
