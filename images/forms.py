"""WAGTAILIMAGES_IMAGE_FORM_BASE: the image form of the admin, multiple uploader and chooser.

Wagtail's own file field asks Pillow for the size of the upload, which raises on some hostile
files; so Pillow decodes the whole file here first, and Wagtail's checks see only sound images.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from images.uploads import checked_image_bytes


class CheckedImageField(WagtailImageField):
    """Wagtail's image file field, refusing files Pillow cannot decode whole."""

    def to_python(self, data):
        """The upload, re-encoded if its metadata was bulky, after Pillow has decoded it."""
        if data in self.empty_values or not hasattr(data, "read"):
            return super().to_python(data)
        self.check_image_file_size(data)
        data.seek(0)
        original = data.read()
        checked = checked_image_bytes(original)
        if checked is not original:
            data = SimpleUploadedFile(data.name, checked, data.content_type)
        data.seek(0)
        return super().to_python(data)


class ImageForm(BaseImageForm):
    """Wagtail's image form with the checked file field."""

    file = CheckedImageField(label=capfirst(_("file")), widget=BaseImageForm.Meta.widgets["file"])
