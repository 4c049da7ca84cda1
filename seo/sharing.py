"""Sharing a page where readers in China share it: a WeChat QR code, a Weibo link and its URL."""

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

import segno
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

WEIBO_SHARE_URL = "https://service.weibo.com/share/share.php"
# Medium error correction (segno raises it when the size allows): WeChat reads it off a screen.
QR_ERROR = "m"
QR_SCALE = 4


@lru_cache(maxsize=512)
def qr_svg(url, label):
    """The QR code of `url` as inline SVG named `label` for screen readers (made once per URL)."""
    svg = segno.make(url, error=QR_ERROR).svg_inline(
        scale=QR_SCALE, title=label, svgclass="share-qr", lineclass=None
    )
    # segno escapes the title and writes no role or aria-label; the label is escaped here.
    return format_html(
        '<svg role="img" aria-label="{}" {}',
        label,
        mark_safe(svg.removeprefix("<svg ")),  # noqa: S308
    )


@dataclass(frozen=True)
class ShareLinks:
    """How readers share a page: its URL, title, WeChat QR code and Weibo link."""

    url: str
    title: str

    @property
    def wechat_qr(self):
        """The page's URL as a QR code WeChat scans, inline SVG named in the active language."""
        return qr_svg(self.url, gettext("WeChat QR code of this article's address"))

    @property
    def weibo_url(self):
        """Weibo's share page, filled in with the page's URL and title."""
        return f"{WEIBO_SHARE_URL}?{urlencode({'url': self.url, 'title': self.title})}"
