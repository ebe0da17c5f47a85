"""Staff login: separate lockouts per username and per address, 429, logged, and lifted by axes_reset.

An address is its rate-limit bucket (editorial/net.py): a lockout covers a whole IPv6 /64 and any
port a proxy adds, and a login whose address cannot be told is refused rather than counted."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


def attempt(client, username, password, address="198.51.100.7", forwarded=None):
    """A login POST; with `forwarded`, as the proxy (TRUSTED_PROXY_COUNT=1) passes it on."""
    if forwarded is not None:
        address, headers = "10.0.0.1", {"x-forwarded-for": forwarded}
    else:
        headers = None
    data = {"username": username, "password": password}
    return client.post(reverse("admin:login"), data, REMOTE_ADDR=address, headers=headers)


def test_five_failures_lock_the_username_even_from_elsewhere(editor, caplog):
    client = Client()
    statuses = [attempt(client, "editor", "wrong", address=f"198.51.100.{n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    locked = attempt(client, "editor", PASSWORD, address="203.0.113.99")
    assert locked.status_code == 429
    assert "locking out" in caplog.text.lower()  # every lockout is logged


def test_five_failures_lock_the_address_for_every_username(editor, django_user_model):
    client = Client()
    for n in range(5):
        attempt(client, f"nobody{n}", "wrong")
    assert attempt(client, "editor", PASSWORD).status_code == 429  # same address, right password
    assert attempt(Client(), "editor", PASSWORD, address="192.0.2.1").status_code == 302  # elsewhere: fine


def test_axes_reset_lifts_the_lock(editor):
    client = Client()
    for _ in range(5):
        attempt(client, "editor", "wrong")
    assert attempt(client, "editor", PASSWORD).status_code == 429
    call_command("axes_reset", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert attempt(client, "editor", PASSWORD).status_code == 302


def test_an_address_lockout_covers_the_whole_v6_64(editor):
    client = Client()
    statuses = [attempt(client, f"nobody{n}", "wrong", address=f"2001:db8:5:6::{n + 1}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert attempt(client, "editor", PASSWORD, address="2001:db8:5:6:ffff::1").status_code == 429
    assert attempt(client, "editor", PASSWORD, address="::ffff:198.51.100.7").status_code == 302  # v4: elsewhere
    assert attempt(Client(), "editor", PASSWORD, address="2001:db8:5:7::1").status_code == 302  # the next /64


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_an_address_lockout_holds_across_ports_the_proxy_adds(editor):
    client = Client()
    for n in range(5):
        attempt(client, f"nobody{n}", "wrong", forwarded=f"198.51.100.7:{40000 + n}")
    assert attempt(client, "editor", PASSWORD, forwarded="198.51.100.7:9999").status_code == 429
    assert attempt(client, "editor", PASSWORD, forwarded="[::ffff:198.51.100.7]:1").status_code == 429
    assert attempt(Client(), "editor", PASSWORD, forwarded="203.0.113.8:9999").status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize("unknown", ["unknown", "1.2.3.4:port", "", "0.0.0.0"])  # noqa: S104 - sent, not bound
def test_a_login_from_an_unknown_address_is_refused_and_shares_no_lockout(editor, unknown):
    client = Client()
    assert client.get(reverse("admin:login"), headers={"x-forwarded-for": unknown}).status_code == 200
    statuses = [attempt(client, f"nobody{n}", "wrong", forwarded=unknown).status_code for n in range(6)]
    assert statuses == [400] * 6  # refused before any password is checked
    assert attempt(client, "editor", PASSWORD, forwarded=unknown).status_code == 400
    assert AccessAttempt.objects.count() == 0  # nothing counted under a shared empty address
    assert attempt(Client(), "editor", PASSWORD, forwarded="192.0.2.1:5").status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_logging_out_works_even_when_the_address_is_unknown(editor):
    client = Client()
    client.force_login(editor)
    response = client.post(reverse("admin:logout"), headers={"x-forwarded-for": "unknown"}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
