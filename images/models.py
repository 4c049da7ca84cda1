"""The site's image model: uploads are checked before they are stored, renditions never fail."""

import logging

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image, SourceImageIOError

from images.uploads import max_pixels

logger = logging.getLogger("images")

# The file name Wagtail gives a rendition it could not make (wagtail.images.shortcuts).
PLACEHOLDER_FILE_NAME = "not-found"


class CustomImage(AbstractImage):
    """An image in the library; uploads are checked by images.forms.ImageForm."""

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @property
    def too_large_to_render(self):
        """Whether decoding this image would take more memory than any upload may."""
        return (self.width or 0) * (self.height or 0) > max_pixels()

    def generate_rendition_file(self, image_filter, *, source=None):
        """Wagtail's rendition file, with every decoding failure reported as a source error."""
        if self.too_large_to_render:
            msg = f"{self.width} x {self.height} pixels is more than {max_pixels()}"
            raise SourceImageIOError(msg)
        try:
            return super().generate_rendition_file(image_filter, source=source)
        except SourceImageIOError:
            raise
        except Exception as error:
            raise SourceImageIOError(f"{type(error).__name__}: {error}") from error

    def placeholder_rendition(self, spec):
        """The empty rendition Wagtail shows for an image it cannot render."""
        rendition = self.get_rendition_model()(image=self, filter_spec=spec, width=0, height=0)
        rendition.file.name = PLACEHOLDER_FILE_NAME
        return rendition

    def get_rendition(self, image_filter):
        """Wagtail's rendition, or a logged placeholder when the file is missing or broken."""
        try:
            return super().get_rendition(image_filter)
        except SourceImageIOError as error:
            spec = getattr(image_filter, "spec", image_filter)
            logger.warning("Image %s cannot be rendered as %s: %s", self.pk, spec, error)
            return self.placeholder_rendition(spec)

    def get_renditions(self, *image_filters):
        """Wagtail's renditions, or logged placeholders when the file is missing or broken."""
        try:
            return super().get_renditions(*image_filters)
        except SourceImageIOError as error:
            specs = [getattr(each, "spec", each) for each in image_filters]
            logger.warning("Image %s cannot be rendered as %s: %s", self.pk, specs, error)
            return {spec: self.placeholder_rendition(spec) for spec in specs}


class CustomRendition(AbstractRendition):
    """A resized copy of a library image."""

    image = models.ForeignKey(CustomImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    @property
    def is_placeholder(self):
        """Whether this stands in for a rendition that could not be made."""
        return self.file.name == PLACEHOLDER_FILE_NAME
