"""A medical reviewer edits a risk's claim and its dated legal facts in Chromium, with no WCAG 2.2 AA violation."""

import os

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from editorial.roles import REVIEWER
from risks.models import RiskItem
from tests import factories
from tests.editorial.test_locking_screens import AXE_OPTIONS, PASSWORD, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("ADMIN_SCREENSHOTS")  # a folder: save each screen there as a PNG, to look at


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (390, "dark")])
def test_a_reviewer_sees_the_claim_and_the_dated_facts(browser, live_server, django_user_model, width, scheme):
    from axe_playwright_python.sync_playwright import Axe

    call_command("load_demo_content", "--allow-in-production", stdout=open(os.devnull, "w"))  # noqa: SIM115
    user = django_user_model.objects.create_user("rev", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWER))
    factories.ContributorFactory(name="Dr Rev", slug="rev", user=user)
    risk = RiskItem.objects.get(slug="legal-status-varies")

    page = login(browser, live_server, "rev", width=width, scheme=scheme)
    page.goto(f"{live_server.url}/admin/risks/riskitem/{risk.pk}/change/")
    page.wait_for_load_state("networkidle")
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"risk-change-{width}-{scheme}.png"), full_page=True)
    assert page.get_by_role("heading", name="The claim: what kind, how certain, how often").is_visible()
    assert page.locator("#id_claim_kind").input_value() == "fact"
    rows = page.locator("#legal_facts-group .inline-related.has_original")
    assert rows.count() == risk.legal_facts.count() >= 5
    assert page.locator("#legal_facts-group").get_by_text("As of").first.is_visible()
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert [f"{rule['id']} {node['target']}" for rule in violations for node in rule["nodes"]] == []
