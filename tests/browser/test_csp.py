"""The one Content-Security-Policy holds on public pages and in the admin with its Markdown editor."""

import base64

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django_otp.oath import totp

from editorial.roles import REVIEWER
from staff.two_factor import invite
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@override_settings(STAFF_TWO_FACTOR=True)  # as in production: the two-step screen is checked too
def test_no_page_breaks_the_policy(browser_page, live_server, django_user_model):
    user = django_user_model.objects.create_user("rev", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWER))
    article = factories.ArticleFactory(published=True, body="## Heading\n\nText.")
    factories.RiskItemFactory(published=True)
    page = browser_page
    page.add_init_script(RECORD_VIOLATIONS)
    seen = {}
    for path in ["/", article.get_absolute_url(), "/risks/", "/strains/", f"/articles/{article.slug}/reply/"]:
        response = page.goto(f"{live_server.url}{path}")
        assert "default-src 'self'" in response.headers["content-security-policy"]
        seen[path] = page.evaluate("window.__cspViolations")

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "rev")
    page.fill("#id_password", "a-long-test-password")
    invite(user)  # an administrator's invitation to set up the app
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/two-factor/**")
    assert page.locator("img.qr-code").evaluate("img => img.complete && img.naturalWidth > 0")
    seen["two-factor enrolment"] = page.evaluate("window.__cspViolations")
    # Do what the reviewer's phone does with the key on the screen.
    typed = page.inner_text(".otp-key").replace(" ", "")
    key = base64.b32decode(typed + "=" * (-len(typed) % 8))
    page.fill("#id_token", f"{totp(key):06d}")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.wait_for_load_state("networkidle")
    seen["admin change form"] = page.evaluate("window.__cspViolations")
    assert all(violations == [] for violations in seen.values()), seen
