"""StreamField blocks of the site settings: links to the publisher's social accounts."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

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
