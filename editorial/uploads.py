"""Images uploaded from the admin editor: checked with Pillow, re-encoded, renamed.

The declared content type and file name are never trusted: the bytes are
decoded, and only PNG, JPEG, GIF and WebP that decode within the size and
pixel limits are stored, re-encoded (which drops EXIF and anything appended)
under a random name with the extension of the detected format.
"""

import io
import uuid

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
MAX_PIXELS = 40_000_000


class ImageUploadForm(forms.Form):
    image = forms.FileField(label=_("image"))

    def clean_image(self):
        upload = self.cleaned_data["image"]
        if upload.size > settings.MARKDOWNX_UPLOAD_MAX_SIZE:
            raise forms.ValidationError(
                _("The image is larger than %(mb)d MB."), params={"mb": settings.MARKDOWNX_UPLOAD_MAX_SIZE // 2**20}
            )
        data = upload.read()
        try:
            with Image.open(io.BytesIO(data)) as probe:
                probe.verify()  # structure check; the image is unusable afterwards
            image = Image.open(io.BytesIO(data))
            if image.format not in FORMATS:
                raise forms.ValidationError(_("Only PNG, JPEG, GIF and WebP images can be uploaded."))
            if image.width * image.height > MAX_PIXELS:
                raise forms.ValidationError(_("The image has too many pixels."))
            image.load()
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as exc:
            raise forms.ValidationError(_("This file is not an image we can accept.")) from exc
        return image

    def save(self) -> str:
        """Re-encode the checked image into storage; return its public URL."""
        image = self.cleaned_data["image"]
        image_format = image.format
        buffer = io.BytesIO()
        if image_format == "GIF" and getattr(image, "is_animated", False):
            image.save(buffer, "GIF", save_all=True, loop=image.info.get("loop", 0))
        else:
            image = ImageOps.exif_transpose(image)
            if image_format == "JPEG" and image.mode not in {"RGB", "L"}:
                image = image.convert("RGB")
            image.save(buffer, image_format)
        name = f"{settings.MARKDOWNX_MEDIA_PATH}{uuid.uuid4().hex}.{FORMATS[image_format]}"
        # Our own /media/ address whatever the storage: the sanitiser allows images only from there.
        return settings.MEDIA_URL + default_storage.save(name, ContentFile(buffer.getvalue()))
