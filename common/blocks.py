"""A StreamBlock whose tampered or truncated admin data is a form error, never a server error."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError, StreamValue


class MalformedStreamValue(StreamValue):
    """Stands in for stream data the admin form could not read, so that clean() refuses it."""


class ReadableStreamBlock(blocks.StreamBlock):
    """A stream whose tampered or truncated admin data is a form error, never a server error."""

    unreadable_message = _("This content could not be read. Reload the page and try again.")

    def value_from_datadict(self, data, files, prefix):
        # The admin posts counts, orders and block types as plain fields (and tables as JSON).
        try:
            count = int(data[f"{prefix}-count"])
            types = {data[f"{prefix}-{i}-type"] for i in range(max(count, 0))}
            if count < 0 or not types <= set(self.child_blocks):
                return MalformedStreamValue(self, [])
            return super().value_from_datadict(data, files, prefix)
        except (KeyError, ValueError, TypeError):
            return MalformedStreamValue(self, [])

    def clean(self, value):
        if isinstance(value, MalformedStreamValue):
            raise StreamBlockValidationError(
                non_block_errors=ErrorList([ValidationError(self.unreadable_message)])
            )
        return super().clean(value)
