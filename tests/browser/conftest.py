import pytest


@pytest.fixture
def browser_page(browser):
    """A desktop-sized page (the `browser` fixture is in tests/conftest.py)."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.set_default_timeout(15_000)
    return page
