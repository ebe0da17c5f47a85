import logging
from unittest.mock import patch

import pytest
from django.test import Client

from kratom_info.views import HomeView
from operations.request_id import RequestIdFilter

pytestmark = pytest.mark.django_db


def test_every_response_carries_a_request_id(client):
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_a_proxys_id_is_kept_and_a_forged_one_replaced(client):
    assert client.get("/healthz", headers={"x-request-id": "abc-12345678"})["X-Request-ID"] == "abc-12345678"
    forged = client.get("/healthz", headers={"x-request-id": "x\nFAKE LOG LINE"})["X-Request-ID"]
    assert "\n" not in forged and len(forged) == 32


def test_log_lines_during_a_request_carry_its_id(client, caplog):
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/no-such-page/")
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records and records[0].request_id == response["X-Request-ID"]


def test_an_error_is_logged_with_what_is_needed_to_act_and_the_reader_gets_a_reference(caplog):
    caplog.handler.addFilter(RequestIdFilter())
    client = Client(raise_request_exception=False)
    bug = ZeroDivisionError("a bug in a view")
    with caplog.at_level(logging.ERROR, logger="django.request"), patch.object(HomeView, "get", side_effect=bug):
        response = client.get("/?from=feed")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.request_id == request_id and record.getMessage() == "Internal Server Error: /"
    assert record.exc_info[0] is ZeroDivisionError  # the traceback is on the log line
    html = response.content.decode()
    assert request_id in html and html.count("data-safety-notice") == 1
