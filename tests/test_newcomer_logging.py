"""Each django.request record is written once (issue 20): Django's default console handler no longer prints it a
second time beside ours. Checked in a fresh interpreter, with debug on as `make run` has it and off."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k" * 20 + "Q9x!z" * 6

# What Django does for a 4xx or 5xx answer (django.core.handlers.exception, django.utils.log.log_response).
SCRIPT = """
import logging
import sys
import django
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.log import log_response

django.setup()
request = RequestFactory().get("/no-such-page/")
log_response("%s: %s", sys.argv[1], request.path, response=HttpResponse(status=int(sys.argv[2])), request=request)
# What runserver writes for the same request.
logging.getLogger("django.server").warning('"GET /no-such-page/ HTTP/1.1" %s', sys.argv[2])
"""


def logged(status: int, **env: str) -> list[str]:
    """The output lines of a process that logs one answer with this status."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "LOG_"))}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, "Answered", str(status)],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "kratom_info.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return (result.stdout + result.stderr).splitlines()


@pytest.mark.parametrize("env", [{"DJANGO_DEBUG": "1"}, {"DJANGO_SECRET_KEY": STRONG_KEY}], ids=["debug", "production"])
@pytest.mark.parametrize(("status", "level"), [(404, "WARNING"), (500, "ERROR")])
def test_a_django_request_record_is_one_line_with_the_request_id_format(env, status, level):
    lines = [line for line in logged(status, **env) if "Answered: /no-such-page/" in line]
    assert len(lines) == 1, lines
    assert f" {level} [-] django.request Answered: /no-such-page/" in lines[0]


def test_runservers_request_line_is_one_line_in_the_same_format():
    lines = [line for line in logged(404, DJANGO_DEBUG="1") if '"GET /no-such-page/ HTTP/1.1" 404' in line]
    assert len(lines) == 1, lines
    assert ' WARNING [-] django.server "GET /no-such-page/ HTTP/1.1" 404' in lines[0]


def test_log_level_applies_to_djangos_records_too():
    lines = logged(404, DJANGO_DEBUG="1", LOG_LEVEL="ERROR")
    assert not [line for line in lines if "no-such-page" in line]
