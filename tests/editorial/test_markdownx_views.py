import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

PREVIEW = settings.MARKDOWNX_URLS_PATH
UPLOAD = settings.MARKDOWNX_UPLOAD_URLS_PATH


def test_the_endpoints_live_under_the_admin_prefix():
    assert PREVIEW.startswith(f"/{settings.ADMIN_URL}")
    assert UPLOAD.startswith(f"/{settings.ADMIN_URL}")


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_anonymous_users_get_403(client, url):
    assert client.post(url, {"content": "x"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_logged_in_non_staff_users_get_403(client, django_user_model, url):
    client.force_login(django_user_model.objects.create_user("reader", password="a-long-test-password"))
    assert client.post(url, {"content": "x"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_staff_without_a_role_get_403(client, django_user_model, url):
    client.force_login(django_user_model.objects.create_user("norole", password="a-long-test-password", is_staff=True))
    assert client.post(url, {"content": "x"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_moderators_who_write_no_content_get_403(client, django_user_model, url):
    """Least privilege: a moderator works the comment queue; uploading images to the site is not theirs."""
    from django.contrib.auth.models import Group

    from editorial.roles import MODERATOR

    user = django_user_model.objects.create_user("mod", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=MODERATOR))
    client.force_login(user)
    assert client.post(url, {"content": "x"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_inactive_staff_get_403(client, django_user_model, url):
    user = django_user_model.objects.create_user("gone", password="a-long-test-password", is_staff=True)
    client.force_login(user)
    user.is_active = False
    user.save()
    assert client.post(url, {"content": "x"}).status_code in {302, 403}  # logged out by auth, never served


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_staff_posting_no_fields_get_400(staff_client, url):
    response = staff_client.post(url, {})
    assert response.status_code == 400
    assert response.json()  # names the missing field


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_get_is_not_allowed(staff_client, url):
    assert staff_client.get(url).status_code == 405


@pytest.mark.django_db
def test_preview_uses_the_sanitising_pipeline(staff_client):
    response = staff_client.post(PREVIEW, {"content": "## Hi\n\n<script>alert(1)</script>[x](javascript:alert(1))"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="h-hi">Hi</h2>' in html
    assert "<script" not in html
    assert "javascript:" not in html


@pytest.mark.django_db
def test_preview_accepts_empty_content_and_refuses_huge_content(staff_client):
    assert staff_client.post(PREVIEW, {"content": ""}).status_code == 200
    assert staff_client.post(PREVIEW, {"content": "x" * 100_001}).status_code == 400


@pytest.mark.django_db
def test_csrf_is_enforced(django_user_model):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("ed", password="a-long-test-password", is_staff=True))
    assert client.post(PREVIEW, {"content": "x"}).status_code == 403


@pytest.mark.django_db
def test_upload_refuses_a_non_image(staff_client):
    fake = SimpleUploadedFile("evil.png", b"<script>alert(1)</script>", content_type="image/png")
    response = staff_client.post(UPLOAD, {"image": fake})
    assert response.status_code == 400


@pytest.mark.django_db
def test_upload_refuses_svg(staff_client):
    svg = SimpleUploadedFile("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', content_type="image/svg+xml")
    assert staff_client.post(UPLOAD, {"image": svg}).status_code == 400


@pytest.mark.django_db
def test_upload_of_a_png_answers_with_markdown(staff_client):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    png = SimpleUploadedFile("dot.png", buffer.getvalue(), content_type="image/png")
    response = staff_client.post(UPLOAD, {"image": png}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    assert response.json()["image_code"].startswith(f"![]({settings.MEDIA_URL}uploads/")


def _image_bytes(image_format: str, size=(4, 4)) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, image_format)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_png_named_gif_is_stored_as_png(staff_client):
    upload = SimpleUploadedFile("photo.gif", _image_bytes("PNG"), content_type="image/gif")
    response = staff_client.post(UPLOAD, {"image": upload})
    assert response.status_code == 200
    assert response.json()["image_code"].endswith(".png)")


@pytest.mark.django_db
def test_html_declared_as_gif_is_refused(staff_client):
    upload = SimpleUploadedFile("x.gif", b"GIF89a<html><script>alert(1)</script>", content_type="image/gif")
    response = staff_client.post(UPLOAD, {"image": upload})
    assert response.status_code == 400
    assert "not an image" in response.json()["image"][0]


@pytest.mark.django_db
def test_an_oversize_file_is_refused(staff_client, settings):
    settings.MARKDOWNX_UPLOAD_MAX_SIZE = 1024
    upload = SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * 2048, content_type="image/png")
    assert staff_client.post(UPLOAD, {"image": upload}).status_code == 400
