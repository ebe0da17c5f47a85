"""A failed image upload tells the editor why, in the editor, and leaves the text as it was."""

import base64
import errno
import os

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import InMemoryStorage
from playwright.sync_api import expect

from editorial.roles import EDITOR
from tests import factories
from tests.browser.test_admin_editor import DROP_FILE, PASSWORD, png_base64

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class FullDiskStorage(InMemoryStorage):
    def _save(self, name, content):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def open_editor(page, live_server, django_user_model):
    user = django_user_model.objects.create_user("ed", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    article = factories.ArticleFactory(title="Upload draft", body="Before. After.")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "ed")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.locator("#id_body").evaluate("(editor) => { editor.focus(); editor.setSelectionRange(7, 7); }")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (png_base64(), "no space left for images"),  # the storage failed: 503
        (base64.b64encode(b"not an image").decode(), "not an image we can accept"),  # refused: 400
    ],
    ids=["disk full", "not an image"],
)
def test_a_failed_upload_shows_the_servers_message_and_leaves_the_text_alone(
    browser_page, live_server, django_user_model, settings, data, message
):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.FullDiskStorage"}}
    page = browser_page
    open_editor(page, live_server, django_user_model)
    page.evaluate(DROP_FILE, ["#id_body", data])
    alert = page.locator(".markdownx [role=alert]")
    expect(alert).to_contain_text(message)
    expect(page.locator("#id_body")).to_have_value("Before. After.")  # markdownx's "Invalid response" removed
    expect(page.locator("#id_body")).to_have_css("opacity", "1")  # no longer dimmed as if still uploading

    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    page.evaluate(DROP_FILE, ["#id_body", png_base64()])
    expect(alert).to_have_count(0)  # the next upload worked: the message goes
