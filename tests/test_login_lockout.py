"""Staff login: separate lockouts per username and per address, 429, logged, and lifted by axes_reset."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


def attempt(client, username, password, address="198.51.100.7"):
    return client.post(reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR=address)


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
