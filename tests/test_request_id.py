import logging

import pytest

from kratom_info.logging import RequestIdFilter

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
