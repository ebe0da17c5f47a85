"""Prints the crisis detector's measured recall and false-positive rate at the end of a test run."""

import pytest

CRISIS_REPORT = pytest.StashKey[list[str]]()


@pytest.fixture
def crisis_report(request) -> list[str]:
    """Lines a test adds here are printed in the terminal summary (so `make test` shows them)."""
    return request.config.stash.setdefault(CRISIS_REPORT, [])


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    lines = config.stash.get(CRISIS_REPORT, [])
    if lines:
        terminalreporter.section("crisis detection, measured on tests/comments/crisis_eval_set.py and the held-out set")
        for line in lines:
            terminalreporter.write_line(line)
