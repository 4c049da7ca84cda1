"""StreamField blocks shared by the site: tamper-proof streams and the publisher's social links."""

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


SOCIAL_PLATFORMS = [
    ("weibo", _("Weibo")),
    ("wechat", _("WeChat")),
    ("zhihu", _("Zhihu")),
    ("bilibili", _("Bilibili")),
    ("douyin", _("Douyin")),
    ("youtube", _("YouTube")),
    ("x", _("X (Twitter)")),
    ("facebook", _("Facebook")),
    ("linkedin", _("LinkedIn")),
    ("other", _("Other")),
]


class SocialLinkValue(blocks.StructValue):
    """A social link that knows the name to show readers."""

    def display_name(self):
        """The editor's label, else the platform's name."""
        return self.get("label") or dict(SOCIAL_PLATFORMS).get(self.get("platform"), "")


class SocialLinkBlock(blocks.StructBlock):
    """One of the publisher's accounts on a social platform."""

    platform = blocks.ChoiceBlock(label=_("Platform"), choices=SOCIAL_PLATFORMS, default="weibo")
    url = blocks.URLBlock(label=_("Address (URL)"))
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=40,
        help_text=_("Leave empty to show the platform's name."),
    )

    class Meta:
        icon = "link"
        label = _("Social link")
        template = "components/blocks/social_link_block.html"
        value_class = SocialLinkValue
        preview_value = {"platform": "weibo", "url": "https://weibo.com/", "label": ""}
