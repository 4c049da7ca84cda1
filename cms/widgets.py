"""Admin widgets that turn unreadable form data into form errors instead of server errors."""

from wagtail.admin.rich_text import DraftailRichTextArea

from articles.blocks.entities import StrictContentstateConverter
from articles.blocks.rich_text import UNREADABLE


class StrictDraftailRichTextArea(DraftailRichTextArea):
    """Draftail editor whose posts reach the field whole, for it to refuse what it does not offer.

    Content of features the field lacks is kept rather than dropped, and a post that is not
    Draftail content becomes UNREADABLE, which the rich-text form field and block refuse.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.converter = StrictContentstateConverter(self.features)

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError):
            return UNREADABLE
