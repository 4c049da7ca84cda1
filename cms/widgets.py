"""Admin widgets that turn unreadable form data into form errors instead of server errors."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import DraftailRichTextArea


class StrictDraftailRichTextArea(DraftailRichTextArea):
    """Draftail editor whose malformed submissions become a field error, never a 500."""

    unreadable = False

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            # The first read happens while the form cleans its fields, where a ValidationError
            # becomes a field error; later reads re-render the form and must not raise.
            if self.unreadable:
                return None
            self.unreadable = True
            raise ValidationError(
                _("This rich text could not be read. Reload the page and try again."),
                code="invalid_rich_text",
            ) from exc
