"""The upload matrix: only real raster images, re-encoded, renamed, stripped of EXIF."""

import io

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

pytestmark = pytest.mark.django_db
UPLOAD = settings.MARKDOWNX_UPLOAD_URLS_PATH


def upload(client, name: str, data: bytes, content_type: str = "image/png"):
    return client.post(UPLOAD, {"image": SimpleUploadedFile(name, data, content_type=content_type)})


def stored(response) -> Image.Image:
    url = response.json()["image_code"].removeprefix("![](").removesuffix(")")
    with default_storage.open(url.removeprefix(settings.MEDIA_URL)) as handle:
        return Image.open(io.BytesIO(handle.read()))


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (30, 10), "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "Secret Camera Co"  # make
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_exif_orientation_is_applied_then_exif_is_removed(staff_client):
    response = upload(staff_client, "photo.jpg", jpeg_with_exif(), "image/jpeg")
    assert response.status_code == 200
    image = stored(response)
    assert image.size == (10, 30)  # turned upright
    assert not image.getexif()
    assert response.json()["image_code"].endswith(".jpg)")


def test_an_animated_gif_keeps_its_frames(staff_client):
    frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert Image.open(io.BytesIO(buffer.getvalue())).n_frames == 3
    response = upload(staff_client, "anim.gif", buffer.getvalue(), "image/gif")
    assert response.status_code == 200
    assert stored(response).n_frames == 3


def test_a_decompression_bomb_is_refused(staff_client):
    buffer = io.BytesIO()
    Image.new("1", (8000, 6000)).save(buffer, "PNG")  # 48 megapixels in a few kilobytes
    assert len(buffer.getvalue()) < 100_000
    response = upload(staff_client, "bomb.png", buffer.getvalue())
    assert response.status_code == 400
    assert "too many pixels" in response.json()["image"][0]


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml"),
        ("x.gif", b"GIF89a<html><script>alert(1)</script></html>", "image/gif"),
        ("x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),  # a truncated PNG
        ("x.bmp", None, "image/bmp"),
        ("x.txt", b"hello", "text/plain"),
        ("empty.png", b"", "image/png"),
    ],
)
def test_anything_but_a_real_png_jpeg_gif_or_webp_is_refused_with_a_message(staff_client, name, data, content_type):
    if data is None:
        buffer = io.BytesIO()
        Image.new("RGB", (4, 4)).save(buffer, "BMP")
        data = buffer.getvalue()
    response = upload(staff_client, name, data, content_type)
    assert response.status_code == 400
    assert response.json()["image"]


def test_stored_names_are_random_and_keep_no_part_of_the_upload_name(staff_client):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "WEBP")
    first = upload(staff_client, "../../etc/passwd.webp", buffer.getvalue(), "image/webp").json()["image_code"]
    second = upload(staff_client, "../../etc/passwd.webp", buffer.getvalue(), "image/webp").json()["image_code"]
    assert first != second
    assert "passwd" not in first and ".." not in first
    assert first.endswith(".webp)")


def test_every_response_carries_nosniff(client):
    # SecurityMiddleware adds it to every response the app serves, media included (README: media in production).
    assert client.get("/healthz")["X-Content-Type-Options"] == "nosniff"


def test_an_uploaded_image_is_served_from_media_with_long_caching(staff_client, client):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    code = upload(staff_client, "dot.png", buffer.getvalue(), "image/png").json()["image_code"]
    url = code.removeprefix("![](").removesuffix(")")
    assert url.startswith("/media/uploads/")
    response = client.get(url)  # an anonymous reader
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (4, 4)
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.cookies


@pytest.mark.parametrize(
    "path",
    ["/media/uploads/missing.png", "/media/../settings.py", "/media/uploads/%2e%2e/%2e%2e/x.png", "/media/a.html",
     "/media/uploads/x.svg", "/media/" + "a" * 3000 + ".png", "/media/uploads/\x00.png"],
)  # fmt: skip
def test_media_answers_404_for_anything_but_a_stored_image(client, path):
    assert client.get(path).status_code == 404
