"""Two-factor staff login: password, then an authenticator code; enrolment the first time; nothing opens before."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.two_factor import check_two_factor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_on")]
PASSWORD = "a-long-test-password"


@pytest.fixture
def two_factor_on():
    with override_settings(STAFF_TWO_FACTOR=True):
        yield


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


def code(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset):06d}"


def password_login(client=None) -> Client:
    client = client or Client()
    response = client.post(reverse("admin:login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_password_alone_opens_nothing(editor):
    client = password_login()
    admin_index = client.get("/admin/")
    assert admin_index.status_code == 302
    login = client.get(admin_index["Location"])
    assert login.status_code == 302 and login["Location"].startswith(reverse("admin:two_factor"))
    assert client.get("/admin/articles/article/").status_code == 302
    # The editor's own endpoints answer 403 until the second step is done.
    assert client.post(reverse("markdownx_preview"), {"content": "x"}).status_code == 403


def test_an_invited_first_login_enrols_an_app_then_opens_the_admin(editor):
    call_command("two_factor_reset", "editor", stdout=io.StringIO())  # an administrator's invitation
    client = password_login()
    page = client.get(reverse("admin:two_factor"), {"next": "/admin/articles/article/"})
    assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html and "Set up two-step sign-in" in html
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    assert page.context["key"].replace(" ", "") in device.config_url  # the typed key is the QR's secret

    wrong = client.post(reverse("admin:two_factor"), {"token": "000000" if code(device) != "000000" else "111111"})
    assert wrong.status_code == 400 and "did not match" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    device.throttle_reset()  # the wrong code started django-otp's back-off

    session_before = client.session.session_key
    done = client.post(reverse("admin:two_factor"), {"token": code(device), "next": "/admin/articles/article/"})
    assert done.status_code == 302 and done["Location"] == "/admin/articles/article/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.session.session_key != session_before
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("admin:login"))["Location"] == reverse("admin:index")  # nothing more to do


def test_later_logins_ask_only_for_a_code_and_never_show_the_key(editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client = password_login()
    page = client.get(reverse("admin:two_factor"))
    html = page.content.decode()
    assert "data:image/svg+xml" not in html and page.context["key"] is None
    assert device.key not in html
    assert client.post(reverse("admin:two_factor"), {"token": code(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.filter(user=editor).count() == 1  # no second device was made


def test_a_used_code_cannot_be_replayed(editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    token = code(device)
    assert password_login().post(reverse("admin:two_factor"), {"token": token}).status_code == 302
    replay = password_login().post(reverse("admin:two_factor"), {"token": token})
    assert replay.status_code == 400


def test_wrong_codes_are_throttled(editor, caplog):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client = password_login()
    statuses = [client.post(reverse("admin:two_factor"), {"token": f"12345{n}"}).status_code for n in range(3)]
    assert statuses[0] == 400  # a wrong code; the next ones fall inside django-otp's back-off
    assert 429 in statuses[1:]
    # Even the right code waits out the back-off.
    assert client.post(reverse("admin:two_factor"), {"token": code(device)}).status_code == 429
    assert "two-factor: wrong code for editor" in caplog.text


@pytest.mark.parametrize("junk", ["", "abc", "1" * 5000, "12 34 56\x00", "١٢٣٤٥٦"])
def test_junk_codes_get_a_clear_400(editor, junk):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    response = password_login().post(reverse("admin:two_factor"), {"token": junk})
    assert response.status_code == 400
    assert response.context["form"].errors["token"]


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_next_never_leaves_the_site(editor, target):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    response = password_login().post(reverse("admin:two_factor"), {"token": code(device), "next": target})
    assert response["Location"] == reverse("admin:index")


def test_only_staff_with_a_role_reach_the_second_step(client, django_user_model):
    assert client.get(reverse("admin:two_factor"))["Location"].startswith(reverse("admin:login"))
    django_user_model.objects.create_user("plain", password=PASSWORD, is_staff=True)  # staff, no role
    client.post(reverse("admin:login"), {"username": "plain", "password": PASSWORD})
    assert client.get(reverse("admin:two_factor"))["Location"].startswith(reverse("admin:login"))
    assert not TOTPDevice.objects.exists()


def test_without_an_invitation_a_password_alone_cannot_enrol_an_app(editor):
    """Otherwise a stolen password could enrol the thief's phone on an account that has none yet."""
    client = password_login()
    page = client.get(reverse("admin:two_factor"))
    assert page.status_code == 403 and "two_factor_reset editor" in page.content.decode()
    assert client.post(reverse("admin:two_factor"), {"token": "123456"}).status_code == 403
    assert not TOTPDevice.objects.exists()


def test_an_invitation_expires_after_a_week(editor):
    call_command("two_factor_reset", "editor", stdout=io.StringIO())
    TOTPDevice.objects.update(created_at=timezone.now() - timedelta(days=8))
    assert password_login().get(reverse("admin:two_factor")).status_code == 403


def test_reset_replaces_the_app_with_an_invitation(editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    call_command("two_factor_reset", "editor", stdout=io.StringIO())
    assert TOTPDevice.objects.get(user=editor).confirmed is False  # the lost phone's codes no longer work
    assert "Set up two-step sign-in" in password_login().get(reverse("admin:two_factor")).content.decode()
    with pytest.raises(CommandError, match="No user"):
        call_command("two_factor_reset", "nobody")


def test_turning_it_off_is_flagged_by_the_deploy_check(settings):
    assert check_two_factor(None) == []
    settings.STAFF_TWO_FACTOR = False
    assert [warning.id for warning in check_two_factor(None)] == ["kratom_info.W001"]
