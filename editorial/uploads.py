"""Images uploaded from the admin editor: checked with Pillow, re-encoded, renamed.

The declared content type and file name are never trusted: the bytes are decoded, and only PNG, JPEG,
GIF and WebP within the limits below are stored, re-encoded under a random name with the extension of
the detected format. Re-encoding keeps the pixels (every frame of an animated GIF; the first frame of
other formats) and their timing and transparency, nothing else: comments, text chunks, EXIF, XMP and
colour profiles (the pixels are converted to sRGB first) are dropped, as is anything appended.

Storing is all or nothing (`store`): on the file system the bytes go to a hidden temporary file in the
upload folder, are synced to disk and then renamed into place, so a full disk, a read-only mount or a
missing permission leaves no file behind, truncated or empty (Django's own `FileSystemStorage.save`
writes the final name directly and leaves what it wrote). Any other storage (S3 through
django-storages) saves in one request; when that fails, whatever it may have written under the name
is deleted. Either way the editor gets a message saying the image was not saved (`UploadNotStoredError`).
"""

import contextlib
import errno
import io
import logging
import os
import tempfile
import uuid
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
# Limits (docs/editors.md, "Images"): far above any picture an editor would put in an article, far below what
# ties up a worker. Pillow's own guard (Image.MAX_IMAGE_PIXELS: a warning at 89 MP, an error only at
# twice that) looks at one frame, and re-encoding a GIF works on the whole canvas for every frame
# (about 2 s per 40 MP frame on one core), so a file of a few hundred bytes could run for minutes.
MAX_PIXELS = 40_000_000  # one frame
MAX_FRAMES = 300  # 20 seconds at 15 frames a second
MAX_ANIMATION_PIXELS = 40_000_000  # frames x pixels over a whole animation: e.g. 80 frames of 800 x 600
# What re-encoding keeps of what Pillow read from the file (`info`). Everything else there (comment,
# exif, xmp, icc_profile, PNG text chunks) is metadata an upload must not carry onto the site.
KEEP_INFO = ("transparency", "duration", "loop", "background")
SRGB = ImageCms.createProfile("sRGB")
logger = logging.getLogger(__name__)
UNREADABLE = (UnidentifiedImageError, Image.DecompressionBombError, OSError, EOFError, SyntaxError, ValueError)


@dataclass(frozen=True)
class Reencoded:
    data: bytes
    extension: str


class ImageUploadForm(forms.Form):
    image = forms.FileField(label=_("image"))

    def clean_image(self) -> Reencoded:
        upload = self.cleaned_data["image"]
        if upload.size > settings.MARKDOWNX_UPLOAD_MAX_SIZE:
            raise forms.ValidationError(
                _("The image is larger than %(mb)d MB."), params={"mb": settings.MARKDOWNX_UPLOAD_MAX_SIZE // 2**20}
            )
        data = upload.read()
        try:
            with Image.open(io.BytesIO(data)) as probe:
                probe.verify()  # structure check; the image is unusable afterwards
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in FORMATS:
                    raise forms.ValidationError(_("Only PNG, JPEG, GIF and WebP images can be uploaded."))
                animated = image.format == "GIF" and image.is_animated
                _check_size(image, image.n_frames if animated else 1)  # from the headers: nothing decoded yet
                frames = _animation(image) if animated else [_still(image)]
                # Encoding inside the try: a frame Pillow cannot write is the upload's fault, a 400, not a 500.
                return Reencoded(_encode(frames, image.format), FORMATS[image.format])
        except UNREADABLE as exc:
            raise forms.ValidationError(_("This file is not an image we can accept.")) from exc

    def save(self) -> str:
        """Store the re-encoded image; return its public URL."""
        image = self.cleaned_data["image"]
        name = f"{settings.MARKDOWNX_MEDIA_PATH}{uuid.uuid4().hex}.{image.extension}"
        # Our own /media/ address whatever the storage: the sanitiser allows images only from there.
        return settings.MEDIA_URL + store(name, image.data)


class UploadNotStoredError(Exception):
    """The image was fine but could not be stored; nothing was left behind. `message` is for the editor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


FULL = _(
    "The server has no space left for images, so this one was not saved. Nothing was stored: ask the "
    "site's administrator to free space, then upload it again."
)
NOT_WRITABLE = _(
    "The server cannot write images at the moment (its image folder is read-only or not writable), so "
    "this one was not saved. Nothing was stored: tell the site's administrator."
)
FAILED = _(
    "The image could not be stored because of a storage error on the server. Nothing was saved: upload "
    "it again, and tell the site's administrator if it keeps happening."
)
MESSAGES = {errno.ENOSPC: FULL, errno.EDQUOT: FULL, errno.EROFS: NOT_WRITABLE, errno.EACCES: NOT_WRITABLE}
MESSAGES[errno.EPERM] = NOT_WRITABLE


def store(name: str, data: bytes, storage: Storage | None = None) -> str:
    """Store `data` under `name`, all or nothing; return the stored name, or raise UploadNotStoredError."""
    storage = storage or default_storage
    try:
        if isinstance(storage, FileSystemStorage):
            return _store_on_disk(storage, name, data)
        try:
            return storage.save(name, ContentFile(data))
        except Exception:
            _delete_quietly(storage, name)  # an object written before the failure (S3: the answer was lost)
            raise
    except OSError as error:
        logger.error("Upload %s not stored: %s", name, error)  # the editor is told; the administrator reads this
        raise UploadNotStoredError(str(MESSAGES.get(error.errno, FAILED))) from error
    except Exception as error:  # a storage service's own errors (botocore's ClientError and others)
        logger.exception("Upload %s not stored", name)
        raise UploadNotStoredError(str(FAILED)) from error


def _store_on_disk(storage: FileSystemStorage, name: str, data: bytes) -> str:
    """Write a temporary file next to the final one, sync it, rename it into place (atomic in one folder)."""
    final = storage.path(name)
    folder = os.path.dirname(final)
    folder_mode = storage.directory_permissions_mode
    os.makedirs(folder, mode=0o777 if folder_mode is None else folder_mode, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=folder)  # hidden: never served
    try:
        try:
            _write_all(handle, data)
            mode = storage.file_permissions_mode
            os.fchmod(handle, 0o644 if mode is None else mode)  # mkstemp makes it 0600
            _same_group_as_location(handle, storage.location)  # as FileSystemStorage does
            os.fsync(handle)  # the bytes are on disk before the name points at them
        finally:
            os.close(handle)
        os.replace(temporary, final)  # the name is random (uuid4): nothing of the same name is replaced
    except BaseException:  # SystemExit too: gunicorn ends a worker past its timeout that way
        _unlink_quietly(temporary)
        raise
    _sync_folder(folder)
    return name


def _write_all(handle: int, data: bytes) -> None:
    """Every byte, or OSError: a disk that fills up writes part of the data first, then fails."""
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        if not written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _same_group_as_location(handle: int, location: str) -> None:
    group = os.stat(location).st_gid
    if os.fstat(handle).st_gid != group:
        with contextlib.suppress(PermissionError):
            os.fchown(handle, -1, group)


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; best effort (some file systems cannot sync a folder)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError:
        logger.exception("Temporary upload %s could not be removed", path)


def _delete_quietly(storage: Storage, name: str) -> None:
    try:
        storage.delete(name)
    except Exception:  # the storage is away: nothing more can be done from here
        logger.exception("Upload %s could not be deleted after a failed save", name)


def _check_size(image: Image.Image, frames: int) -> None:
    if image.width * image.height > MAX_PIXELS:
        raise forms.ValidationError(_("The image has too many pixels."))
    if frames > MAX_FRAMES:
        raise forms.ValidationError(_("The animation has more than %(n)d frames."), params={"n": MAX_FRAMES})
    if frames * image.width * image.height > MAX_ANIMATION_PIXELS:
        raise _too_large()


def _too_large() -> forms.ValidationError:
    return forms.ValidationError(
        _("The animation is too large over all its frames: at most %(mp)d megapixels in all (frames x pixels)."),
        params={"mp": MAX_ANIMATION_PIXELS // 1_000_000},
    )


def _animation(image: Image.Image) -> list[Image.Image]:
    """Every frame, decoded one at a time, each counted at the size Pillow decodes it at."""
    frames, total = [], 0
    for index in range(image.n_frames):
        image.seek(index)  # reads the frame's header only; copy() below decodes it
        # A frame may lie outside the canvas, and Pillow then grows the canvas for it and every later
        # frame: the size is known only here, before this frame is decoded.
        pixels = image.width * image.height
        total += pixels
        if pixels > MAX_PIXELS or total > MAX_ANIMATION_PIXELS:
            raise _too_large()
        frames.append(_bare(image.copy()))
    return frames


def _still(image: Image.Image) -> Image.Image:
    image_format, profile = image.format, image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)  # decodes; EXIF orientation applied, then EXIF dropped below
    if profile and image.mode in ("RGB", "RGBA", "CMYK"):
        image = _in_srgb(image, profile)
    if image_format == "JPEG" and image.mode not in {"RGB", "L"}:
        image = image.convert("RGB")
    return _bare(image)


def _in_srgb(image: Image.Image, profile: bytes) -> Image.Image:
    """The pixels as the profile means them, in sRGB, which browsers assume: the profile need not be kept."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(
            image, source, SRGB, renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC, outputMode=mode
        )
    except ImageCms.PyCMSError:
        return image  # a profile littlecms cannot read: the pixels as they are, without it


def _bare(image: Image.Image) -> Image.Image:
    image.info = {key: image.info[key] for key in KEEP_INFO if key in image.info}
    return image


def _encode(frames: list[Image.Image], image_format: str) -> bytes:
    buffer = io.BytesIO()
    first, *rest = frames
    if rest:
        first.save(buffer, "GIF", save_all=True, append_images=rest, loop=first.info.get("loop", 0))
    else:
        first.save(buffer, image_format)
    return buffer.getvalue()
