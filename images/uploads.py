"""Pillow's verdict on an uploaded image: refused, kept as it is, or re-encoded without bulk."""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps, ImageSequence

# Pillow's format names of the files we store, and the format each is saved back as.
ALLOWED_FORMATS = {
    "JPEG": "JPEG",
    "MPO": "JPEG",
    "PNG": "PNG",
    "WEBP": "WEBP",
    "AVIF": "AVIF",
    "GIF": "GIF",
}
# One JPEG marker holds 65,533 bytes: Exif or a profile larger than this cannot be written into a
# rendition, and no photograph needs it.
MAX_METADATA_BYTES = 60_000
METADATA_KEYS = ("exif", "icc_profile", "xmp", "comment")
DEFAULT_MAX_PIXELS = 40_000_000

UNREADABLE = _(
    "This file cannot be read completely as an image: it is damaged, cut short or carries "
    "oversized data. Save it again from an image editor and upload that copy."
)
UNSUPPORTED = _(
    "This is not a JPEG, PNG, WebP, AVIF or GIF image, which are all that can be uploaded."
)
TOO_MANY_PIXELS = _(
    "This image has more pixels than can be uploaded (at most %(limit)s megapixels). "
    "Make it smaller and upload it again."
)


def max_pixels():
    """The largest number of pixels (all frames together) an image may have."""
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", DEFAULT_MAX_PIXELS)


def too_many_pixels():
    """The refusal of an image larger than the limit."""
    return ValidationError(
        TOO_MANY_PIXELS, code="too_many_pixels", params={"limit": f"{max_pixels() / 1e6:g}"}
    )


def open_checked(data):
    """Open `data` with Pillow, refusing bombs and other formats; the caller closes it."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(io.BytesIO(data))
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise too_many_pixels() from None
        except PILImage.UnidentifiedImageError as error:
            raise ValidationError(UNSUPPORTED, code="unsupported_format") from error
        except Exception as error:
            raise ValidationError(UNREADABLE, code="unreadable") from error
    if image.format not in ALLOWED_FORMATS:
        raise ValidationError(UNSUPPORTED, code="unsupported_format")
    return image


def has_bulky_metadata(image):
    """Whether `image` carries Exif, a profile or text chunks too large to keep."""
    values = [image.info.get(key) for key in METADATA_KEYS]
    values += list(getattr(image, "text", {}).values())
    return any(len(value) > MAX_METADATA_BYTES for value in values if value)


def reencoded(image):
    """`image` saved again in its own format, turned upright, without any of its metadata."""
    frames = [ImageOps.exif_transpose(frame.copy()) for frame in ImageSequence.Iterator(image)]
    buffer = io.BytesIO()
    options = {"quality": 95} if image.format in {"JPEG", "MPO", "WEBP", "AVIF"} else {}
    if len(frames) > 1:
        options |= {"save_all": True, "append_images": frames[1:]}
        options |= {k: image.info[k] for k in ("duration", "loop") if k in image.info}
    frames[0].save(buffer, ALLOWED_FORMATS[image.format], **options)
    return buffer.getvalue()


def checked_image_bytes(data):
    """`data` if it is a sound image, a clean re-encoded copy if only its metadata is bulky.

    Raises ValidationError when Pillow cannot decode every frame, when it has more pixels than
    WAGTAILIMAGES_MAX_IMAGE_PIXELS or is in a format we do not serve.
    """
    with open_checked(data) as image:
        try:
            frame_count = getattr(image, "n_frames", 1)
            image.verify()
        except Exception as error:
            raise ValidationError(UNREADABLE, code="unreadable") from error
    pixels = image.width * image.height * frame_count
    if pixels > max_pixels():
        raise too_many_pixels()
    with open_checked(data) as image:
        try:
            for frame in ImageSequence.Iterator(image):
                frame.load()
            image.seek(0)
            return reencoded(image) if has_bulky_metadata(image) else data
        except Exception as error:
            raise ValidationError(UNREADABLE, code="unreadable") from error
