"""Wagtail's rich-text handlers and Draftail conversion, made safe for broken references."""

import json
from functools import cache

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.admin.rich_text.converters.html_to_contentstate import PageLinkElementHandler
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.formats import get_image_formats
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.rich_text.pages import PageLinkHandler

from articles.blocks.rich_text import KNOWN_FEATURES, object_id


def is_contentstate(content):
    """Whether posted JSON is Draftail content: null (an empty editor) or blocks and entities."""
    return content is None or (
        isinstance(content, dict)
        and isinstance(content.get("blocks"), list)
        and isinstance(content.get("entityMap", {}), dict)
    )


@cache
def lenient_exporter():
    """A Draftail-to-database exporter that keeps every known feature."""
    return ContentstateConverter(KNOWN_FEATURES).exporter


class StrictContentstateConverter(ContentstateConverter):
    """Draftail conversion that keeps content of features the field lacks, for clean() to refuse."""

    def __init__(self, features=None):
        super().__init__(features)
        self.exporter = lenient_exporter()

    def to_database_format(self, contentstate_json):
        content = json.loads(contentstate_json)
        if not is_contentstate(content):
            # The editor widget turns this into a form error.
            raise ValueError(contentstate_json)
        return self.exporter.render(content)


class ValidIdMixin:
    """Renders an entity whose id is not a database id like one whose object was deleted."""

    @classmethod
    def usable(cls, attrs):
        """Whether the entity's attributes can be looked up."""
        return object_id(attrs.get("id")) is not None

    @classmethod
    def get_many(cls, attrs_list):
        return super().get_many([attrs if cls.usable(attrs) else {} for attrs in attrs_list])


class SafePageLinkHandler(ValidIdMixin, PageLinkHandler):
    """Page links; a broken one renders as plain text."""


class SafeDocumentLinkHandler(ValidIdMixin, DocumentLinkHandler):
    """Document links; a broken one renders as plain text."""


class SafeImageEmbedHandler(ValidIdMixin, ImageEmbedHandler):
    """Embedded images; a broken one (bad id or format) renders as an empty image."""

    @classmethod
    def usable(cls, attrs):
        formats = {image_format.name for image_format in get_image_formats()}
        return super().usable(attrs) and attrs.get("format") in formats


class SafePageLinkElementHandler(PageLinkElementHandler):
    """Opens a page link whose id is not a database id in the editor as a broken link."""

    def get_attribute_data(self, attrs):
        if object_id(attrs.get("id")) is None:
            return {"id": attrs.get("id"), "url": None, "parentId": None}
        return super().get_attribute_data(attrs)
