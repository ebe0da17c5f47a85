"""The upload matrix: only real raster images, re-encoded, renamed, stripped of EXIF."""

import errno
import io
import os
import struct
import time

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, PngImagePlugin

from editorial.uploads import MAX_ANIMATION_PIXELS, MAX_FRAMES, ImageUploadForm, store

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


def pixel_frames_gif(width: int, height: int, frames: int, *, later_at: tuple[int, int] = (0, 0)) -> bytes:
    """A GIF of `frames` one-pixel frames on a width x height canvas, written by hand.

    Pillow decodes and re-encodes every frame at the size of the whole canvas, yet the file is a few
    hundred bytes, so building the attacker's upload costs the test nothing. Frames after the first sit
    at `later_at`: beyond the canvas, they make Pillow grow it from the second frame on.
    """
    screen = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"

    def frame(index: int, x: int, y: int) -> bytes:  # 0.1 s; one pixel, black and white in turn (so none merge)
        pixel = b"\x02\x02\x4c\x01\x00" if index % 2 else b"\x02\x02\x44\x01\x00"  # LZW: clear, colour, end
        return b"\x21\xf9\x04\x00\x0a\x00\x00\x00\x2c" + struct.pack("<HHHHB", x, y, 1, 1, 0) + pixel

    later = b"".join(frame(index, *later_at) for index in range(1, frames))
    return screen + loop + frame(0, 0, 0) + later + b"\x3b"


def test_an_animation_too_large_over_all_its_frames_is_refused_before_its_frames_are_decoded(staff_client):
    bomb = pixel_frames_gif(7000, 5650, 60)  # the report: 60 frames x 39.6 MP, each frame under the 40 MP limit
    assert len(bomb) < 2_000
    started = time.monotonic()
    response = upload(staff_client, "anim.gif", bomb, "image/gif")
    assert response.status_code == 400
    assert "too large over all its frames" in response.json()["image"][0]
    assert time.monotonic() - started < 5  # today: minutes of re-encoding, and the worker is killed at 30 s


def test_frames_that_grow_the_canvas_count_at_their_grown_size(staff_client):
    # The first frame fits a 16 x 16 canvas; the second moves out to (6000, 6000) and Pillow grows the
    # canvas to 36 MP for it and every frame after, which a count of frames x first size would miss.
    bomb = pixel_frames_gif(16, 16, 60, later_at=(6000, 6000))
    started = time.monotonic()
    response = upload(staff_client, "grow.gif", bomb, "image/gif")
    assert response.status_code == 400
    assert "too large over all its frames" in response.json()["image"][0]
    assert time.monotonic() - started < 5


def test_an_animation_with_too_many_frames_is_refused(staff_client):
    response = upload(staff_client, "many.gif", pixel_frames_gif(1, 1, MAX_FRAMES + 1), "image/gif")
    assert response.status_code == 400
    assert f"more than {MAX_FRAMES} frames" in response.json()["image"][0]


def test_an_animation_at_the_frame_limit_keeps_every_frame(staff_client):
    response = upload(staff_client, "ok.gif", pixel_frames_gif(10, 10, MAX_FRAMES), "image/gif")
    assert response.status_code == 200
    assert stored(response).n_frames == MAX_FRAMES
    assert MAX_FRAMES * 10 * 10 <= MAX_ANIMATION_PIXELS


SECRET = b"secret-4f2a"


def with_metadata(image_format: str, **options) -> bytes:
    image = Image.new("P", (8, 8), 1) if image_format == "GIF" else Image.new("RGB", (8, 8), "red")
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    assert SECRET in buffer.getvalue() or "pnginfo" in options or "icc_profile" in options
    return buffer.getvalue()


def animated_gif_with_comment() -> bytes:
    frames = [Image.new("P", (8, 8), index) for index in range(3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], comment=SECRET, loop=0)
    return buffer.getvalue()


def png_text() -> PngImagePlugin.PngInfo:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET.decode())
    info.add_text("Author", SECRET.decode(), zip=True)  # zTXt
    info.add_itxt("Description", SECRET.decode())
    info.add_itxt("XML:com.adobe.xmp", f"<x:xmpmeta xmlns:x='adobe:ns:meta/'>{SECRET.decode()}</x:xmpmeta>")
    return info


def exif() -> Image.Exif:
    tags = Image.Exif()
    tags[0x010F] = SECRET.decode()  # the camera maker
    return tags


XMP = b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>" + SECRET + b"</x:xmpmeta>"
ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
METADATA = {
    "gif comment": lambda: with_metadata("GIF", comment=SECRET),  # the report
    "animated gif comment": animated_gif_with_comment,
    "png text": lambda: with_metadata("PNG", pnginfo=png_text()),
    "png exif": lambda: with_metadata("PNG", exif=exif()),
    "png icc": lambda: with_metadata("PNG", icc_profile=ICC),
    "jpeg comment": lambda: with_metadata("JPEG", comment=SECRET),
    "jpeg exif": lambda: with_metadata("JPEG", exif=exif()),
    "jpeg xmp": lambda: with_metadata("JPEG", xmp=XMP),
    "jpeg icc": lambda: with_metadata("JPEG", icc_profile=ICC),
    "webp exif": lambda: with_metadata("WEBP", exif=exif()),
    "webp xmp": lambda: with_metadata("WEBP", xmp=XMP),
    "webp icc": lambda: with_metadata("WEBP", icc_profile=ICC),
}


@pytest.mark.parametrize("kind", METADATA)
def test_no_text_or_profile_survives_re_encoding(staff_client, kind):
    response = upload(staff_client, "meta.img", METADATA[kind](), "image/png")
    assert response.status_code == 200
    url = response.json()["image_code"].removeprefix("![](").removesuffix(")")
    with default_storage.open(url.removeprefix(settings.MEDIA_URL)) as handle:
        data = handle.read()
    assert SECRET not in data
    image = Image.open(io.BytesIO(data))
    assert not any(SECRET.decode() in repr(value) for value in image.info.values())  # zTXt, iCCP: compressed
    assert not {"comment", "exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(image.info)
    assert not image.getexif()
    if image.format != "GIF":
        assert image.convert("RGB").getpixel((4, 4))[0] > 200  # still red once the profile is applied


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


@pytest.fixture
def disk_storage(settings, tmp_path):
    """Media on a real file system, as in production: the in-memory test storage takes any name."""
    disk = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path / "media")}}
    settings.STORAGES = {**settings.STORAGES, "default": disk}
    default_storage.save("uploads/0123abcd.png", ContentFile(b"\x89PNG not really"))
    (tmp_path / "outside.png").write_bytes(b"\x89PNG outside the storage")
    return tmp_path


@pytest.mark.parametrize(
    "path",
    ["/media/uploads/0123abcd.png%00.png", "/media/uploads/0123abcd.png%00", "/media/uploads/%00.png",  # the report
     "/media/uploads/x%01.png", "/media/uploads/x%0a.png", "/media/uploads/x%0d.png", "/media/uploads/x%7f.png",
     "/media/uploads/x%c2%85.png", "/media/uploads/x%e2%80%ae.png",  # NEL, a right-to-left override
     "/media/../outside.png", "/media/%2e%2e/outside.png", "/media/uploads/%2e%2e/%2e%2e/outside.png",
     "/media/..%5coutside.png", "/media/uploads\\..\\..\\outside.png", "/media/uploads/..%5c..%5coutside.png",
     "/media/%5c%5cserver%5cshare.png", "/media/uploads//0123abcd.png", "/media/uploads/./0123abcd.png",
     "/media/%2fetc%2fpasswd.png", "/media/uploads/.hidden.png", "/media/" + "a" * 3000 + ".png"],
)  # fmt: skip
def test_media_paths_with_control_characters_or_tricks_are_404_not_500(client, disk_storage, path):
    assert client.get("/media/uploads/0123abcd.png").status_code == 200  # the real file is served
    assert client.get(path).status_code == 404


# Storing is all or nothing: a full disk, a read-only folder or a storage service failing leaves no file.


@pytest.fixture
def media(settings, tmp_path):
    """An empty media folder on a real file system, the production storage (tests otherwise keep media in memory)."""
    root = tmp_path / "media"
    disk = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(root)}}
    settings.STORAGES = {**settings.STORAGES, "default": disk}
    return root


def files_in(root) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()) if root.exists() else []


def noisy_png() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 80).save(buffer, "PNG")  # noise does not compress: a file of some 40 KB
    return buffer.getvalue()


def reencoded(data: bytes) -> bytes:
    form = ImageUploadForm(files={"image": SimpleUploadedFile("x.png", data, content_type="image/png")})
    assert form.is_valid()
    return form.cleaned_data["image"].data


def in_folder(root, handle: int) -> bool:
    return os.readlink(f"/proc/self/fd/{handle}").startswith(str(root))


def test_an_upload_to_disk_is_stored_whole_under_its_name_and_nothing_else(staff_client, media):
    data = noisy_png()
    response = upload(staff_client, "noise.png", data)
    assert response.status_code == 200
    name = response.json()["image_code"].removeprefix("![](/media/").removesuffix(")")
    assert files_in(media) == [name]  # no temporary file left next to it
    assert (media / name).read_bytes() == reencoded(data)
    assert (media / name).stat().st_mode & 0o777 == 0o644  # FILE_UPLOAD_PERMISSIONS, as Django's storage sets


@pytest.mark.parametrize("room", [0.5, 0], ids=["fills up midway", "full already"])
def test_a_full_disk_leaves_no_file_and_the_editor_is_told(staff_client, media, monkeypatch, room):
    # The report: Django's own save left a truncated file, then (once the disk was full) a 0-byte one.
    real_write, written = os.write, []

    def full_disk(handle, data):  # what the kernel does: a short write while there is room, then ENOSPC
        if not in_folder(media, handle):
            return real_write(handle, data)
        if written or not int(len(data) * room):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(real_write(handle, bytes(data)[: int(len(data) * room)]))
        return written[-1]

    monkeypatch.setattr(os, "write", full_disk)
    response = upload(staff_client, "noise.png", noisy_png())
    assert response.status_code == 503
    assert "no space left for images" in response.json()["image"][0]
    assert bool(written) == bool(room)  # midway: part of the image was on disk before the failure
    assert files_in(media) == []


def test_a_read_only_folder_leaves_no_file_and_the_editor_is_told(staff_client, media, monkeypatch):
    # Tests run as root, which chmod does not stop: opening a file there fails as on a read-only mount.
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if str(path).startswith(str(media)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    response = upload(staff_client, "noise.png", noisy_png())
    assert response.status_code == 503
    assert "read-only or not writable" in response.json()["image"][0]
    assert files_in(media) == []


@pytest.mark.parametrize(
    ("step", "error", "message"),
    [
        ("replace", PermissionError(errno.EACCES, "Permission denied"), "read-only or not writable"),
        ("fsync", OSError(errno.EIO, "Input/output error"), "storage error on the server"),
    ],
)
def test_a_failure_after_the_bytes_are_written_removes_them(staff_client, media, monkeypatch, step, error, message):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(os, step, fail)
    response = upload(staff_client, "noise.png", noisy_png())
    assert response.status_code == 503
    assert message in response.json()["image"][0]
    assert files_in(media) == []


def test_a_worker_stopped_while_writing_leaves_no_file(media, monkeypatch):
    # gunicorn ends a worker past its timeout with SystemExit: the temporary file goes with it.
    real_write = os.write

    def stopped(handle, data):
        if in_folder(media, handle):
            real_write(handle, bytes(data)[:100])
            raise SystemExit(1)
        return real_write(handle, data)

    monkeypatch.setattr(os, "write", stopped)
    with pytest.raises(SystemExit):
        store("uploads/x.png", noisy_png())
    assert files_in(media) == []


class LostAnswerStorage(InMemoryStorage):
    """A storage service that keeps the object but fails the request (S3 with the connection cut)."""

    def _save(self, name, content):
        super()._save(name, content)
        raise ConnectionError("the connection was reset")


def test_any_other_storage_that_fails_keeps_nothing_and_the_editor_is_told(staff_client, settings):
    backend = f"{LostAnswerStorage.__module__}.{LostAnswerStorage.__qualname__}"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": backend}}
    response = upload(staff_client, "noise.png", noisy_png())
    assert response.status_code == 503
    assert "storage error on the server" in response.json()["image"][0]
    assert default_storage.listdir("uploads") == ([], [])
