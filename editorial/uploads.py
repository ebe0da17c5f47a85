"""Images uploaded from the admin editor: checked with Pillow, re-encoded, renamed.

The declared content type and file name are never trusted: the bytes are decoded, and only PNG, JPEG,
GIF and WebP within the limits below are stored, re-encoded under a random name with the extension of
the detected format. Re-encoding keeps the pixels (every frame of an animated GIF; the first frame of
other formats) and their timing and transparency, nothing else: comments, text chunks, EXIF, XMP and
colour profiles (the pixels are converted to sRGB first) are dropped, as is anything appended.
"""

import io
import uuid
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
# Limits (README, "Images"): far above any picture an editor would put in an article, far below what
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
        return settings.MEDIA_URL + default_storage.save(name, ContentFile(image.data))


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
