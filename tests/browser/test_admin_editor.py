"""A reviewer writes in the real admin editor: live preview (sanitised), image upload, save."""

import base64
import io
import re

import pytest
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article
from editorial.roles import REVIEWER
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def png_base64() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (6, 6), "teal").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


DROP_FILE = """
([selector, data]) => {
  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], "dot.png", {type: "image/png"}));
  document.querySelector(selector).dispatchEvent(
    new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
}
"""


def test_reviewer_previews_markdown_uploads_an_image_and_saves(browser_page, live_server, django_user_model):
    user = django_user_model.objects.create_user("rev", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWER))
    factories.ContributorFactory(name="Dr Browser", credentials="MD", user=user)
    factories.SourceFactory(key="fda-kratom", title="FDA and Kratom")
    article = factories.ArticleFactory(title="Browser draft", body="Old text.")
    page = browser_page

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "rev")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    page.fill(
        "#id_body",
        "## Safety first\n\nA claim [@fda-kratom].\n\n<script>window.pwned = 1</script>[x](javascript:alert(1))",
    )
    preview = page.locator(".markdownx-preview")
    preview.locator(".prose h2").wait_for()  # the body; the sources list under it has its own heading
    assert preview.locator(".prose h2").inner_text() == "Safety first"
    assert preview.locator("sup.citation a").inner_text() == "[1]"
    assert preview.locator("script").count() == 0
    assert "javascript:" not in preview.inner_html()
    assert page.evaluate("window.pwned") is None

    page.evaluate(DROP_FILE, ["#id_body", png_base64()])
    # (A locator wait, not wait_for_function: polling a string expression needs eval, which the CSP refuses.)
    expect(page.locator("#id_body")).to_have_value(re.compile(r"!\[\]\(/media/uploads/"), timeout=15_000)
    # The editor asks for the dropped image's alt text (static/admin-extra/writing.js).
    dialog = page.get_by_role("dialog", name="Describe the image you added")
    dialog.get_by_label("Alt text").fill("A teal square")
    dialog.get_by_role("button", name="Set alt text").click()
    expect(page.locator("#id_body")).to_have_value(re.compile(r"!\[A teal square\]\(/media/uploads/"))
    page.click("input[name=_continue]")
    page.locator(".messagelist .success").wait_for()

    article.refresh_from_db()
    assert "[@fda-kratom]" in article.body
    assert '<img alt="A teal square" src="/media/uploads/' in article.body_html
    assert article.citations.get().source.key == "fda-kratom"
    assert Article.objects.get().status == "draft"
