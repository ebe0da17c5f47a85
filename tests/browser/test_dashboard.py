"""The admin home in Chromium, as a medical reviewer with work in every list and unread notifications: no
WCAG 2.2 AA violation at phone and desktop width, in light and dark, and table headers that keep whole words."""

import os
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.utils import timezone

from editorial.models import Status
from editorial.roles import EDITOR, REVIEWER
from editorial.workflow.services import content_submit, content_transition
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
}
PASSWORD = "a-long-test-password"
SHOTS = os.environ.get("DASHBOARD_SCREENSHOTS")  # a folder: save the dashboard there as PNGs, to look at
# Each header cell's inner width, and the width of its longest word in the cell's own font.
HEADER_WIDTHS = """() => [...document.querySelectorAll('.dashboard table th')].map(th => {
  const style = getComputedStyle(th);
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const words = th.textContent.trim().split(/\\s+/)
    .map(word => style.textTransform === 'uppercase' ? word.toUpperCase() : word);
  const longest = Math.max(...words.map(word => context.measureText(word).width));
  const inner = th.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {text: th.textContent.trim(), inner, longest};
})"""


@pytest.fixture
def reviewer(db, django_user_model):
    users = {}
    for username, role in [("ed", EDITOR), ("rev", REVIEWER), ("rev2", REVIEWER)]:
        users[username] = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, is_staff=True, first_name=username.capitalize()
        )
        users[username].groups.add(Group.objects.get(name=role))
        factories.ContributorFactory(name=f"Dr {username}", slug=username, user=users[username], credentials="MD")
    factories.SourceFactory(key="fda")
    waiting = factories.ArticleFactory(title="Kratom and sleep", author=users["ed"].contributor, body="Claim [@fda].")
    content_submit(obj=waiting, user=users["ed"], note="Please check the dosage section against the trial.")
    returned = factories.FAQEntryFactory(title="Is kratom an opioid?", author=users["rev"].contributor, body="x")
    content_submit(obj=returned, user=users["rev"])
    content_transition(obj=returned, name="return", user=users["rev2"], note="Cite the receptor study.")
    factories.ArticleFactory(title="A draft of mine", author=users["rev"].contributor, status=Status.DRAFT)
    factories.RiskItemFactory(
        published=True,
        title="Liver injury",
        reviewed_by=users["rev"].contributor,
        last_reviewed_at=timezone.now() - timedelta(days=400),
    )
    return users["rev"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_dashboard_has_no_violation_and_readable_headers(browser, live_server, reviewer, scheme):
    problems, squeezed = [], []
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "rev")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        page.wait_for_load_state("networkidle")
        assert "Kratom and sleep" in page.inner_text("#worklist-awaiting_review")
        assert "Is kratom an opioid?" in page.inner_text("#worklist-returned")
        assert "Liver injury" in page.inner_text("#worklist-reviews_due")
        assert "Please check the dosage section" in page.inner_text("#my-notifications + ul")
        if SHOTS:
            page.screenshot(path=os.path.join(SHOTS, f"dashboard-{scheme}-{width}.png"), full_page=True)
        results = Axe().run(page, options=AXE_OPTIONS).response
        problems += [
            f"{scheme} {width}px: {rule['id']} {node['target']} {node['failureSummary']}"
            for rule in results["violations"]
            for node in rule["nodes"]
        ]
        cells = page.evaluate(HEADER_WIDTHS)
        assert {"Content", "In review", "Review due"} <= {cell["text"] for cell in cells}
        squeezed += [f"{width}px {cell}" for cell in cells if cell["inner"] + 1 < cell["longest"]]
        # Opening a notification marks it read and leads to the item: it is no longer listed.
        first = page.locator("#my-notifications + ul form.worklist-open").first
        title, target = first.inner_text(), first.get_attribute("action")
        first.locator("button").click()
        page.wait_for_url("**/change/")
        assert page.url.endswith("/change/") and target.endswith("/open/")
        page.goto(f"{live_server.url}/admin/")
        unread = page.locator("#my-notifications + ul")
        assert unread.count() == 0 or title not in unread.inner_text()
        assert page.goto(f"{live_server.url}/admin/editorial/notification/").status == 200  # all of mine
        page.wait_for_load_state("networkidle")
        results = Axe().run(page, options=AXE_OPTIONS).response
        problems += [
            f"{scheme} {width}px notifications: {rule['id']} {node['target']}"
            for rule in results["violations"]
            for node in rule["nodes"]
        ]
        context.close()
    assert problems == [], "\n".join(problems)
    assert squeezed == [], "\n".join(squeezed)
