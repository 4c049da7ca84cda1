"""Sharing an article for readers in China: WeChat QR code, Weibo link, copy link, share sheet."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from django.test import RequestFactory
from django.utils import translation

from tests.factories import make_article, make_image, make_site
from tests.test_article_pager import get

HOSTILE_TITLE = '</title><script>alert(1)</script> & "q" <img src=//evil.example/x.png>'
QR_LABELS = {"zh-hans": "本文链接的微信二维码", "en": "WeChat QR code of this article's address"}
SHARE_HEADINGS = {"zh-hans": "分享本文", "en": "Share this article"}


class Elements(HTMLParser):
    """Every start tag of a page as (tag, {attribute: unescaped value})."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def first(self, tag, **attrs):
        """The attributes of the first `tag` element having `attrs` (None: present at all)."""
        for name, found in self.found:
            if name == tag and all(
                key in found if value is None else found.get(key) == value
                for key, value in attrs.items()
            ):
                return found
        raise AssertionError(f"no <{tag} {attrs}>")


def canonical(html):
    return Elements(html).first("link", rel="canonical")["href"]


def share_svg(html):
    """The share box's inline SVG."""
    box = html[html.index('<section class="article-share"') :]
    return re.search(r"<svg .*?</svg>", box, re.DOTALL).group(0)


def qr_path(url):
    """The modules of the QR code of `url` as segno draws them: the SVG path's d attribute."""
    return re.search(r' d="([^"]+)"', segno.make(url, error="m").svg_inline()).group(1)


# Ordered with the other database tests, before those that commit and empty the database.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="class")
def articles(class_db):
    """A translated article with a lead image, a Chinese-only one and one with a hostile title."""
    _home, index = make_site()
    return {
        "bilingual": make_article(index, 1, lead_image=make_image()),
        "chinese": make_article(index, 2, en=False),
        "hostile": make_article(index, 3, title_zh_hans=HOSTILE_TITLE, title_en=HOSTILE_TITLE),
    }


@pytest.mark.usefixtures("articles")
class TestShareBox:
    @pytest.mark.parametrize("language", ["zh-hans", "en"])
    def test_qr_code_is_inline_svg_of_the_canonical_url(self, client, articles, language):
        html = get(client, articles["bilingual"], language)
        svg = share_svg(html)
        assert re.search(r' d="([^"]+)"', svg).group(1) == qr_path(canonical(html))
        assert canonical(html).startswith(f"http://testserver/{language}/")

    @pytest.mark.parametrize("language", ["zh-hans", "en"])
    def test_qr_code_is_named_in_the_page_language(self, client, articles, language):
        html = get(client, articles["bilingual"], language)
        svg = Elements(share_svg(html)).first("svg")
        assert svg["role"] == "img"
        assert svg["aria-label"] == QR_LABELS[language]
        assert "xmlns" not in svg
        assert "style" not in svg
        title = re.search(r"<title>(.*?)</title>", share_svg(html)).group(1)
        assert title.replace("&#x27;", "'").replace("&#39;", "'") == QR_LABELS[language]
        assert f'<h2 id="share-heading">{SHARE_HEADINGS[language]}</h2>' in html

    def test_each_language_shares_its_own_address(self, client, articles):
        chinese = share_svg(get(client, articles["bilingual"], "zh-hans"))
        english = share_svg(get(client, articles["bilingual"], "en"))
        assert chinese != english

    @pytest.mark.parametrize("language", ["zh-hans", "en"])
    def test_weibo_link_carries_the_url_and_title(self, client, articles, language):
        html = get(client, articles["bilingual"], language)
        link = urlsplit(Elements(html).first("a", **{"class": "button share-weibo"})["href"])
        assert (link.scheme, link.netloc, link.path) == (
            "https",
            "service.weibo.com",
            "/share/share.php",
        )
        title = articles["bilingual"].title_en if language == "en" else "干细胞新闻1"
        assert parse_qs(link.query) == {"url": [canonical(html)], "title": [title]}
        # The query's separator is escaped in the attribute.
        assert "&amp;title=" in html

    @pytest.mark.parametrize("language", ["zh-hans", "en"])
    def test_without_script_the_url_field_remains_and_buttons_wait(
        self, client, articles, language
    ):
        elements = Elements(get(client, articles["bilingual"], language))
        assert "readonly" in elements.first("input", id="share-url")
        assert elements.first("label", **{"for": "share-url"})
        assert "hidden" in elements.first("button", **{"data-share-copy": None})
        assert "hidden" in elements.first("button", **{"data-share-native": None})

    def test_copy_field_holds_the_canonical_url(self, client, articles):
        html = get(client, articles["bilingual"], "en")
        assert Elements(html).first("input", id="share-url")["value"] == canonical(html)

    @pytest.mark.parametrize("language", ["zh-hans", "en"])
    def test_nothing_is_loaded_from_another_host(self, client, articles, language):
        elements = Elements(get(client, articles["bilingual"], language))
        sources = [attrs["src"] for _tag, attrs in elements.found if "src" in attrs]
        assert any("/media/images/" in src for src in sources), sources  # the lead image is there
        assert [src for src in sources if urlsplit(src).netloc not in ("", "testserver")] == []
        script = elements.first("script", src=None)
        assert script["src"].startswith("/static/js/share")
        assert "defer" in script

    def test_untranslated_article_shares_its_chinese_address_in_chinese(self, client, articles):
        html = get(client, articles["chinese"], "zh-hans")
        assert canonical(html).startswith("http://testserver/zh-hans/")
        assert re.search(r' d="([^"]+)"', share_svg(html)).group(1) == qr_path(canonical(html))
        assert Elements(share_svg(html)).first("svg")["aria-label"] == QR_LABELS["zh-hans"]
        with translation.override("en"):
            assert client.get(articles["chinese"].get_url()).status_code == 404

    @pytest.mark.parametrize("language", ["zh-hans", "en"])
    def test_hostile_title_is_escaped(self, client, articles, language):
        html = get(client, articles["hostile"], language)
        assert "<script>alert(1)" not in html
        assert "<img src=//evil" not in html
        elements = Elements(html)
        weibo = urlsplit(elements.first("a", **{"class": "button share-weibo"})["href"])
        assert parse_qs(weibo.query)["title"] == [HOSTILE_TITLE]
        assert elements.first("button", **{"data-share-native": None})["data-share-title"] == (
            HOSTILE_TITLE
        )


class TestShareValues:
    def test_a_draft_has_nothing_to_share(self, db):
        _home, index = make_site()
        draft = make_article(index, 1, live=False)
        request = RequestFactory().get("/zh-hans/news/article-1/")
        assert draft.canonical_url(request) is None
        assert draft.share(request) is None

    def test_the_code_is_made_once_per_address(self, article):
        request = RequestFactory().get("/")
        first = article.share(request).wechat_qr
        assert article.share(request).wechat_qr is first
