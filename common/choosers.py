"""Chooser widgets that render tampered ids as nothing chosen instead of a server error."""

from django.core.exceptions import ValidationError
from wagtail.images.widgets import AdminImageChooser
from wagtail.snippets.widgets import AdminSnippetChooser


class ReadableChooserMixin:
    """A chooser that shows a posted id which is not a number as nothing chosen, not a 500."""

    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, ValidationError):
            # The form field reports the invalid choice; the widget only has to render.
            return None


class ReadableImageChooser(ReadableChooserMixin, AdminImageChooser):
    """The image chooser, robust against tampered ids."""


class ReadableSnippetChooser(ReadableChooserMixin, AdminSnippetChooser):
    """The snippet chooser, robust against tampered ids."""
