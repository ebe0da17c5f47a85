"""The whole editorial journey in Chromium, through the real admin, with the mail each step sends:

an editor writes an article with an image (alt text asked) and a citation picked from the list, previews it
and submits it; a medical reviewer is told, reviews it on the review screen and returns it with a note; the
editor is told, fixes it and submits it again; the reviewer approves it; the editor proposes a change to the
live page, withdraws it, proposes another; a second medical reviewer publishes that one.

Each step's clicks are counted (docs/editors.md, "Clicks per journey", quotes them): a change that makes
a journey longer fails here. Typing is not a click; opening the admin's home is not counted.
"""

import base64
import time

import pytest
from django.core import mail
from playwright.sync_api import expect

from articles.models import Article
from editorial.models import Revision, RevisionStatus, Status
from tests.browser.test_admin_editor import png_base64
from tests.editorial.test_locking_screens import login, staff  # noqa: F401 (staff: a fixture)
from tests.html_checks import nested_forms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The most clicks each journey may take (docs/editors.md quotes these, with the count before issue 21).
BUDGET = {"write and submit": 9, "review and return": 2, "fix and resubmit": 4, "approve": 2,
          "propose, withdraw, propose again": 4, "publish the proposed change": 3}  # fmt: skip
TITLE = "Kratom and sleep: what people report"


class Journey:
    """One person's page, counting their clicks, checking every admin page they see for nested forms."""

    def __init__(self, page, name: str, clicks: dict):
        self.page, self.name, self.clicks = page, name, clicks
        clicks[name] = 0

    def click(self, target) -> None:
        target = self.page.locator(target) if isinstance(target, str) else target
        target.click()
        self.clicks[self.name] += 1
        self.page.wait_for_load_state()
        if "/admin/" in self.page.url:
            assert nested_forms(self.page.content()) == [], self.page.url

    def home(self) -> None:
        self.page.goto(self.page.url.split("/admin/")[0] + "/admin/")


def mail_to(address: str, words: str) -> mail.EmailMessage:
    """The mail to `address` whose subject has `words`, once it has gone (mail goes after the response)."""
    for _ in range(100):
        found = [m for m in mail.outbox if address in m.to and words in m.subject]
        if found:
            return found[-1]
        time.sleep(0.1)
    raise AssertionError(f"no mail to {address} about {words!r}: {[(m.to, m.subject) for m in mail.outbox]}")


def test_write_review_return_fix_approve_propose_withdraw_publish(browser, live_server, staff, tmp_path):  # noqa: F811
    for username, user in staff.items():
        user.email = f"{username}@example.org"
        user.save()
    clicks: dict[str, int] = {}
    image = tmp_path / "chart.png"
    image.write_bytes(base64.b64decode(png_base64()))

    # 1. The editor writes, with a citation from the list and an image whose alt text is asked for.
    ed = login(browser, live_server, "ed", width=1280, scheme="light")
    step = Journey(ed, "write and submit", clicks)
    step.click(ed.locator("#content-main a.addlink[href$='/articles/article/add/']"))
    ed.fill("#id_title", TITLE)
    ed.fill("#id_summary", "What people report about kratom and sleep, and what is documented.")
    ed.fill("#id_body", "Some people report poor sleep when they stop. ")
    step.click(ed.get_by_role("button", name="Cite a source"))
    ed.get_by_role("dialog", name="Cite a source").get_by_label("Source").select_option("nimh-depression")
    step.click(ed.get_by_role("button", name="Insert citation"))
    ed.locator("#id_body").press("End")
    step.click(ed.get_by_role("button", name="Insert image"))
    dialog = ed.get_by_role("dialog", name="Insert image")
    dialog.get_by_label("Image file").set_input_files(image)
    dialog.get_by_label("Alt text").fill("A chart of reported sleep problems")
    step.click(dialog.get_by_role("button", name="Insert image"))
    expect(dialog).to_be_hidden()
    step.click("input[name=_continue]")
    article = Article.objects.get(title=TITLE)
    assert '<img alt="A chart of reported sleep problems"' in article.body_html
    with ed.context.expect_page() as preview_tab:
        step.click(ed.get_by_role("link", name="Preview"))
    preview = preview_tab.value
    expect(preview.locator("sup.citation a").first).to_have_text("[1]")
    assert "National Institute of Mental Health" in preview.inner_text("body")
    preview.close()
    step.click(ed.get_by_role("link", name="Submit for review"))
    ed.fill("textarea[name=note]", "New article on sleep; please check the NIMH citation.")
    step.click("input[type=submit][value='Submit for review']")
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW

    # 2. The reviewers are told; one reviews it on the review screen and returns it with a note.
    submitted = mail_to("rev@example.org", "submitted")
    assert "please check the NIMH citation" in submitted.body
    mail_to("rev2@example.org", "submitted")
    rev = login(browser, live_server, "rev", width=1280, scheme="light")
    step = Journey(rev, "review and return", clicks)
    step.click(rev.locator("#worklist-awaiting_review a", has_text=TITLE))
    reader = rev.frame_locator(".review-reader iframe")
    expect(reader.locator("sup.citation a").first).to_have_text("[1]")
    expect(reader.get_by_role("img", name="A chart of reported sleep problems")).to_be_visible()
    returning = rev.locator("#decision .decision").filter(has_text="Return to draft")
    returning.locator("textarea").fill("The NIMH page does not mention sleep: cite a source that does, or cut it.")
    step.click(returning.locator("input[type=submit]"))
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT

    # 3. The editor is told, with the note; fixes the draft and submits it again.
    returned = mail_to("ed@example.org", "returned")
    assert "cite a source that does, or cut it" in returned.body
    step = Journey(ed, "fix and resubmit", clicks)
    step.home()
    step.click(ed.locator("#worklist-returned a", has_text=TITLE))
    ed.fill("#id_body", "Depression often disturbs sleep [@nimh-depression].")
    step.click("input[name=_continue]")
    step.click(ed.get_by_role("link", name="Submit for review"))
    step.click("input[type=submit][value='Submit for review']")
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW

    # 4. The reviewer approves it.
    step = Journey(rev, "approve", clicks)
    step.home()
    step.click(rev.locator("#worklist-awaiting_review a", has_text=TITLE))
    step.click(rev.locator("#decision input[type=submit][value='Approve and publish now']"))
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED
    mail_to("ed@example.org", "published")

    # 5. The editor proposes a change to the live page, withdraws it, proposes another.
    step = Journey(ed, "propose, withdraw, propose again", clicks)
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    ed.goto(change)
    ed.fill("#id_summary", "A first, too long try at a new summary.")
    ed.fill("#id_proposal-note", "Shorter summary.")
    step.click("input[name=_propose]")
    step.click(ed.get_by_role("link", name="Withdraw this revision"))
    step.click("input[type=submit].default")
    assert Revision.objects.get().status == RevisionStatus.WITHDRAWN
    ed.goto(change)
    ed.fill("#id_summary", "What people report about kratom and sleep.")
    ed.fill("#id_proposal-note", "Plainer summary; same sources.")
    step.click("input[name=_propose]")
    proposed = Revision.objects.get(status=RevisionStatus.PENDING)
    mail_to("rev2@example.org", "proposed changes")

    # 6. A second medical reviewer publishes it; the editor is told.
    rev2 = login(browser, live_server, "rev2", width=1280, scheme="light")
    step = Journey(rev2, "publish the proposed change", clicks)
    step.click(rev2.locator("#worklist-proposed a", has_text=TITLE))
    expect(rev2.frame_locator(".review-reader iframe").locator("body")).to_contain_text("kratom and sleep.")
    step.click(rev2.get_by_role("link", name="Publish this revision"))
    step.click("input[type=submit].default")
    assert Revision.objects.get(pk=proposed.pk).status == RevisionStatus.PUBLISHED
    assert Article.objects.get(pk=article.pk).summary == "What people report about kratom and sleep."
    mail_to("ed@example.org", "published your proposed revision")

    print("clicks per journey:", clicks)  # the figures docs/editors.md quotes
    assert {name: count for name, count in clicks.items() if count > BUDGET[name]} == {}
