"""The conflict screens in Chromium: a refused save and a revision to publish field by field, with no
WCAG 2.2 AA violation in light and dark, at phone and desktop width."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles.models import Article
from editorial.models import Revision
from editorial.roles import EDITOR, REVIEWER
from editorial.workflow.services import revision_propose, revision_publish
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
}
PASSWORD = "a-long-test-password"
SHOTS = os.environ.get("LOCKING_SCREENSHOTS")  # a folder: save each screen there as a PNG, to look at


@pytest.fixture
def staff(db, django_user_model):
    call_command("load_demo_content", "--allow-in-production", stdout=open(os.devnull, "w"))  # noqa: SIM115
    users = {}
    for username, role in [("ed", EDITOR), ("sam", EDITOR), ("rev", REVIEWER), ("rev2", REVIEWER)]:
        users[username] = django_user_model.objects.create_user(
            username, password=PASSWORD, is_staff=True, first_name=username.capitalize(), last_name="Example"
        )
        users[username].groups.add(Group.objects.get(name=role))
    for username in ("rev", "rev2"):  # a medical reviewer publishes under their profile
        factories.ContributorFactory(name=f"Dr {username.capitalize()}", slug=username, user=users[username])
    return users


def login(browser, live_server, username: str, *, width: int, scheme: str):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def check(page, label: str) -> list[str]:
    page.wait_for_load_state("networkidle")
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{label.replace(' ', '-')}.png"), full_page=True)
    results = Axe().run(page, options=AXE_OPTIONS).response
    return [f"{label}: {rule['id']} {node['target']}" for rule in results["violations"] for node in rule["nodes"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_refused_save_shows_who_and_what_and_keeps_the_editors_text(browser, live_server, staff, scheme, width):
    article = Article.objects.get(slug="kratom-and-depression")
    url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    page = login(browser, live_server, "ed", width=width, scheme=scheme)
    page.goto(url)

    # Sam saves a change while Ed's form is open (as a pending revision: the article is live).
    live = Article.objects.get(pk=article.pk)
    live.title = "Kratom and depression: what the research says in 2026"
    live.summary = f"{live.summary} Reviewed again this year."
    live._history_user = staff["sam"]
    live.save()

    page.fill("#id_summary", f"{article.summary} Written for readers who take antidepressants.")
    page.fill("#id_proposal-note", "Say who the summary is for.")
    page.click("input[name=_propose]")
    page.wait_for_selector(".conflict")
    assert "Sam Example saved this article after you opened it" in page.inner_text(".errorlist")
    assert "Changed by Sam Example" in page.inner_text(".conflict")
    assert page.input_value("#id_title") == live.title  # theirs, where Ed changed nothing
    assert "antidepressants" in page.input_value("#id_summary")  # Ed's, kept
    problems = check(page, f"conflict {scheme} {width}")

    assert page.input_value("#id_proposal-note") == "Say who the summary is for."  # the note is kept too
    page.click("input[name=_propose]")  # having seen the difference, propose on top
    page.wait_for_url("**/revision/**")
    assert Revision.objects.get().data["fields"].keys() == {"summary"}
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_publish_page_asks_field_by_field(browser, live_server, staff, scheme, width):
    article = Article.objects.get(slug="kratom-and-depression")
    first = revision_propose(obj=article, user=staff["ed"], data={"fields": {"title": "Kratom and low mood"}})
    second = revision_propose(
        obj=article,
        user=staff["sam"],
        data={"fields": {"title": "Kratom and depression (updated)", "summary": "A shorter summary."}},
    )
    revision_publish(revision=first, user=staff["rev2"])
    page = login(browser, live_server, "rev", width=width, scheme=scheme)
    page.goto(f"{live_server.url}/admin/editorial/revision/{second.pk}/change/")
    problems = check(page, f"revision {scheme} {width}")
    page.goto(f"{live_server.url}/admin/editorial/revision/{second.pk}/publish/")
    problems += check(page, f"publish {scheme} {width}")

    page.check("input[name=resolve_title][value=live]")
    page.click("input[type=submit].default")
    page.wait_for_url(f"**/articles/article/{article.pk}/change/")
    assert Article.objects.get(pk=article.pk).title == "Kratom and low mood"
    assert problems == [], "\n".join(problems)
