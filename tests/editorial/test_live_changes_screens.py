"""Changing a live page in Chromium, through the real admin: propose with a note, withdraw, propose again,
a second medical reviewer publishes; and withdrawing works for the proposer and for a reviewer."""

import pytest

from articles.models import Article
from editorial.models import Revision, RevisionStatus
from editorial.workflow.services import revision_propose
from tests.editorial.test_locking_screens import check, login, staff  # noqa: F401 (staff: a fixture)
from tests.html_checks import nested_forms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_nested_forms(page) -> list[str]:
    """The page's HTML as the server sent it (a browser's DOM has already dropped a nested form)."""
    return [f"{page.url}: {form}" for form in nested_forms(page.request.get(page.url).text())]


def withdraw(page, revision) -> list[str]:
    page.goto(page.url.split("/admin/")[0] + f"/admin/editorial/revision/{revision.pk}/change/")
    problems = no_nested_forms(page)
    page.click("text=Withdraw this revision")
    page.wait_for_url(f"**/revision/{revision.pk}/withdraw/")
    assert "Withdraw this revision?" in page.title()
    problems += check(page, "withdraw confirmation")
    page.click("input[type=submit].default")
    page.wait_for_url("**/editorial/revision/")
    assert "withdrawn" in page.inner_text(".messagelist .success")
    return problems


@pytest.mark.parametrize("username", ["ed", "rev"])
def test_the_proposer_and_a_reviewer_can_withdraw_a_revision(browser, live_server, staff, username):  # noqa: F811
    article = Article.objects.get(slug="kratom-and-depression")
    revision = revision_propose(obj=article, user=staff["ed"], data={"fields": {"title": "Retitled"}}, note="Why")
    page = login(browser, live_server, username, width=1280, scheme="light")
    problems = withdraw(page, revision)
    assert Revision.objects.get(pk=revision.pk).status == RevisionStatus.WITHDRAWN
    assert Article.objects.get(pk=article.pk).title != "Retitled"
    assert problems == [], "\n".join(problems)


def propose(page, url: str, summary: str, note: str) -> list[str]:
    page.goto(url)
    problems = no_nested_forms(page)
    assert page.locator("input[name=_save]").count() == 0  # a live page is never saved directly
    page.fill("#id_summary", summary)
    page.fill("#id_proposal-note", note)
    page.click("input[name=_propose]")
    page.wait_for_url("**/editorial/revision/*/change/")
    assert "waiting for a medical reviewer" in page.inner_text(".messagelist .success")
    assert "A different medical reviewer publishes it" in page.inner_text("#content-main")
    assert page.locator(".errornote").count() == 0  # nothing went wrong, so nothing reads as failure
    return problems + no_nested_forms(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_an_editor_changes_a_live_page_and_a_second_reviewer_publishes_it(browser, live_server, staff, width):  # noqa: F811
    article = Article.objects.get(slug="kratom-and-depression")
    url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    ed = login(browser, live_server, "ed", width=width, scheme="light")

    problems = propose(ed, url, "A first try at a shorter summary.", "Shorter summary for phones.")
    problems += check(ed, f"proposed {width}")
    first = Revision.objects.get()
    assert first.note == "Shorter summary for phones."
    problems += withdraw(ed, first)
    problems += propose(ed, url, "What research says about kratom and low mood.", "Plainer summary; same sources.")
    second = Revision.objects.get(status=RevisionStatus.PENDING)
    ed.goto(f"{live_server.url}/admin/editorial/revision/")
    assert "Plainer summary; same sources." in ed.inner_text("#result_list")
    reader = browser.new_page()
    reader.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert "What research says" not in reader.content()  # readers keep the reviewed version

    rev = login(browser, live_server, "rev", width=width, scheme="light")
    rev.goto(f"{live_server.url}/admin/editorial/revision/{second.pk}/change/")
    assert "Plainer summary; same sources." in rev.inner_text("#content-main")
    rev.click("text=Publish this revision")
    rev.wait_for_url(f"**/revision/{second.pk}/publish/")
    rev.click("input[type=submit].default")
    rev.wait_for_url(f"**/articles/article/{article.pk}/change/")
    assert "The revision is live" in rev.inner_text(".messagelist .success")

    reader.reload()
    assert "What research says about kratom and low mood." in reader.content()
    reader.close()
    assert problems == [], "\n".join(problems)
