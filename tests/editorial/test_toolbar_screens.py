"""The change form's object tools in Chromium: a toolbar under the title that never covers it, the step
forward styled as primary, taking content off the site as destructive and confirmed with a way back."""

import pytest

from articles.models import Article
from editorial.models import Status
from tests.editorial.test_locking_screens import check, login, staff  # noqa: F401 (staff: a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_tools_never_cover_the_title_and_archiving_asks_first(browser, live_server, staff, width, scheme):  # noqa: F811
    article = Article.objects.get(slug="kratom-and-depression")
    Article.objects.filter(pk=article.pk).update(status=Status.IN_REVIEW)  # a reviewer's fullest toolbar
    page = login(browser, live_server, "rev", width=width, scheme=scheme)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    titles = [page.locator(selector).first.bounding_box() for selector in ("#content h1", "#content h2")]
    tools = [item.bounding_box() for item in page.locator("#content .object-tools li").all()]
    assert len(tools) >= 8
    assert not [tool for tool in tools for title in titles if overlaps(title, tool)], "a tool covers the title"
    assert not [(a, b) for i, a in enumerate(tools) for b in tools[i + 1 :] if overlaps(a, b)], "tools overlap"
    assert page.locator(".object-tools a.tool-danger", has_text="Archive").count() == 1
    primary = page.locator(".object-tools a.tool-primary").all_inner_texts()
    assert sorted(text.lower() for text in primary) == ["approve and publish now", "approve and schedule"]
    assert page.locator(".object-tools a.tool-danger").count() == 1  # Return to draft is neither
    problems = check(page, f"change form tools {width} {scheme}")

    page.click(".object-tools a.tool-danger >> text=Archive")
    assert "It is not live" in page.inner_text(".warning-note")  # in review; a live item's says readers lose it
    assert page.locator(".submit-row input.button-danger").count() == 1
    problems += check(page, f"archive confirmation {width} {scheme}")
    page.click(".submit-row a.cancel-link")
    page.wait_for_url(f"**/articles/article/{article.pk}/change/")
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW  # Cancel changed nothing
    assert problems == []
