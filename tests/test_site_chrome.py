"""Site settings and the chrome around every page: identity, navigation and how to reach us."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.templatetags.site_chrome import nav_items
from publisher.models import SiteSettings
from tests.factories import make_article, make_contact_page, make_site

pytestmark = pytest.mark.django_db

EXPECTED = {
    "zh-hans": {
        "site_name": "杭吉干细胞资讯",
        "tagline": "即时推送国内外干细胞临床医学资讯,为细胞治疗普惠大众而努力!",
        "address": "中国,浙江,杭州",
        "nav": ["首页", "新闻", "联系我们"],
    },
    "en": {
        "site_name": "Hangji Stem Cell News",
        "tagline": "Stem-cell clinical news from China and the world.",
        "address": "Hangzhou, Zhejiang, China",
        "nav": ["Home", "News", "Contact us"],
    },
}
PAGE_TYPES = ["home", "news index", "article", "contact", "not found"]


@pytest.fixture(scope="module")
def pages(module_db):
    """A URL per page type and language, built once for the module (tests change only rows)."""
    home, index = make_site()
    article = make_article(index, 1)
    contact = make_contact_page(home)
    urls = {}
    for lang in ("zh-hans", "en"):
        with translation.override(lang):
            urls[lang] = {
                "home": home.get_url(),
                "news index": index.get_url(),
                "article": article.specific.get_url(),
                "contact": contact.get_url(),
                "not found": f"/{lang}/no-such-page/",
            }
    return urls


def get(client, pages, lang, page_type):
    """The rendered page of `page_type` in `lang`."""
    response = client.get(pages[lang][page_type])
    assert response.status_code == (404 if page_type == "not found" else 200)
    return response.text


def main_nav(html):
    """The link texts of the main navigation."""
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav)


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_shows_the_site_settings_in_its_language(client, pages, lang, page_type):
    html = get(client, pages, lang, page_type)
    expected = EXPECTED[lang]

    assert f'<html lang="{lang}">' in html
    assert f'<span class="brand__name">{expected["site_name"]}</span>' in html
    assert expected["tagline"] in html
    assert expected["address"] in html
    assert '<a href="tel:4006220089">400-622-0089</a>' in html
    assert '<a href="https://t.me/+8613967007000" rel="noopener">+86-139-6700-7000</a>' in html
    assert main_nav(html) == expected["nav"]


@pytest.mark.parametrize(
    ("page_type", "current"), [("home", "Home"), ("article", "News"), ("contact", "Contact us")]
)
def test_the_main_navigation_marks_the_current_section(client, pages, page_type, current):
    html = get(client, pages, "en", page_type)
    assert re.findall(r'<a [^>]*aria-current="page">([^<]+)</a>', html) == [current]


def test_the_main_navigation_is_built_once_per_request(
    rf, pages, django_assert_num_queries, django_assert_max_num_queries
):
    request = rf.get("/en/")
    with translation.override("en"):
        # The site, its home page, view restrictions and the home page's children.
        with django_assert_max_num_queries(4):
            first = nav_items(request)
        with django_assert_num_queries(0):
            assert nav_items(request) == first
    assert [item.title for item in first] == EXPECTED["en"]["nav"]


def test_a_settings_change_shows_on_the_next_request(client, pages):
    assert "400-622-0089" in get(client, pages, "zh-hans", "article")
    site_settings = SiteSettings.objects.get()
    site_settings.hotline = "0571-8888 6666"
    site_settings.tagline_zh_hans = "新的口号"
    site_settings.save()

    html = get(client, pages, "zh-hans", "article")

    assert '<a href="tel:057188886666">0571-8888 6666</a>' in html
    assert "新的口号" in html
    assert "400-622-0089" not in html


@pytest.mark.parametrize(
    ("hotline", "href"),
    [
        ("400-622-0089", "tel:4006220089"),
        ("+86 (571) 8888-6666", "tel:+8657188886666"),
        (" 0571.8888.6666 ", "tel:057188886666"),
        ("", ""),
    ],
)
def test_hotline_link_dials_only_digits_and_a_leading_plus(hotline, href):
    assert SiteSettings(hotline=hotline).hotline_href == href


@pytest.mark.parametrize(
    ("telegram", "url"),
    [
        ("+86-139-6700-7000", "https://t.me/+8613967007000"),
        ("+86 139 6700 7000", "https://t.me/+8613967007000"),
        ("@hangji_news", "https://t.me/hangji_news"),
        ("", ""),
    ],
)
def test_telegram_link_for_a_number_or_a_handle(telegram, url):
    assert SiteSettings(telegram=telegram).telegram_url == url


def valid_settings(**fields):
    """Site settings that pass validation, with `fields` changed."""
    values = {
        "site": Site.objects.get(is_default_site=True),
        "site_name_zh_hans": "杭吉干细胞资讯",
        "default_disclaimer_zh_hans": "免责说明",
        "default_disclaimer_en": "Disclaimer",
        "hotline": "400-622-0089",
        "telegram": "+86-139-6700-7000",
    }
    return SiteSettings(**(values | fields))


def messages_in_each_language(error, field):
    """The one message of `field` in `error`, as an editor reads it in each language."""
    result = {}
    for language in ("en", "zh-hans"):
        with translation.override(language):
            (result[language],) = (str(message) for message in error.message_dict[field])
    return result


@pytest.mark.parametrize("hotline", ["400-622-0089 ext", "12", "1234567890123456", "call us"])
def test_a_malformed_hotline_is_refused_with_a_clear_message(pages, hotline):
    with pytest.raises(ValidationError) as error:
        valid_settings(hotline=hotline).full_clean(exclude=["site"])
    assert messages_in_each_language(error.value, "hotline") == {
        "en": (
            "Enter a phone number of 5 to 15 digits, e.g. 400-622-0089 or +86-571-8888-8888; "
            "only digits, spaces, hyphens, brackets and a leading + are allowed."
        ),
        "zh-hans": (
            "请输入5至15位数字的电话号码，例如400-622-0089或+86-571-8888-8888；"
            "只能包含数字、空格、连字符、括号及开头的+号。"
        ),
    }


@pytest.mark.parametrize("telegram", ["139-6700-7000", "hangji_news", "@abc", "@1abcde", "t.me/x"])
def test_a_malformed_telegram_is_refused_with_a_clear_message(pages, telegram):
    with pytest.raises(ValidationError) as error:
        valid_settings(telegram=telegram).full_clean(exclude=["site"])
    assert messages_in_each_language(error.value, "telegram") == {
        "en": (
            "Enter a Telegram number in international format starting with +, e.g. "
            "+86-139-6700-7000, or a username starting with @ (5 to 32 letters, digits or "
            "underscores), e.g. @hangji_news."
        ),
        "zh-hans": (
            "请输入以+开头的国际格式Telegram号码，例如+86-139-6700-7000；"
            "或以@开头的用户名（5至32个字母、数字或下划线），例如@hangji_news。"
        ),
    }


@pytest.mark.parametrize("telegram", ["+86-139-6700-7000", "@hangji_news", ""])
def test_valid_contact_numbers_pass(pages, telegram):
    valid_settings(telegram=telegram).full_clean(exclude=["site"])


def settings_form(**fields):
    """The admin's site settings form as an editor fills it in."""
    values = {
        "site_name_zh_hans": "杭吉干细胞资讯",
        "site_name_en": "Hangji Stem Cell News",
        "tagline_zh_hans": "新口号",
        "tagline_en": "New tagline",
        "address_zh_hans": "中国,浙江,杭州",
        "address_en": "Hangzhou, Zhejiang, China",
        "opening_hours_zh_hans": "",
        "opening_hours_en": "",
        "default_disclaimer_zh_hans": "免责说明",
        "default_disclaimer_en": "Disclaimer",
        "hotline": "400-622-0089",
        "telegram": "@hangji_news",
        "email": "",
        "icp_licence": "",
        "logo": "",
        "social_links": streamfield([]),
    }
    return nested_form_data(values | fields)


def test_editors_see_why_a_hotline_is_refused_in_the_admin(client, admin_user, pages):
    client.force_login(admin_user)
    site = Site.objects.get(is_default_site=True)

    response = client.post(
        f"/admin/settings/publisher/sitesettings/{site.pk}/", settings_form(hotline="call us")
    )

    assert response.status_code == 200
    # The admin speaks Chinese to editors by default.
    assert "请输入5至15位数字的电话号码" in response.text
    assert SiteSettings.objects.get().hotline == "400-622-0089"


def test_settings_saved_in_the_admin_show_on_every_page_at_once(client, admin_user, pages):
    client.force_login(admin_user)
    site = Site.objects.get(is_default_site=True)

    response = client.post(f"/admin/settings/publisher/sitesettings/{site.pk}/", settings_form())

    assert response.status_code == 302
    for page_type in PAGE_TYPES:
        html = get(client, pages, "en", page_type)
        assert "New tagline" in html
        assert '<a href="https://t.me/hangji_news" rel="noopener">@hangji_news</a>' in html


def test_icp_licence_is_in_the_footer_only_when_set(client, pages):
    assert 'class="icp"' not in get(client, pages, "zh-hans", "home")
    site_settings = SiteSettings.objects.get()
    site_settings.icp_licence = "浙ICP备12345678号"
    site_settings.save()
    html = get(client, pages, "zh-hans", "home")
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">浙ICP备12345678号</a>' in html


def test_social_links_are_in_the_footer(client, pages):
    site_settings = SiteSettings.objects.get()
    site_settings.social_links = [
        ("link", {"platform": "weibo", "url": "https://weibo.com/hangji", "label": ""}),
        ("link", {"platform": "other", "url": "https://example.org/", "label": "Blog"}),
    ]
    site_settings.save()
    html = get(client, pages, "en", "home")
    assert 'href="https://weibo.com/hangji" rel="me noopener">Weibo</a>' in html
    assert 'href="https://example.org/" rel="me noopener">Blog</a>' in html


@pytest.mark.parametrize(
    ("page_type", "shown"),
    [("article", True), ("home", False), ("news index", False), ("contact", False)],
)
def test_the_sticky_call_button_is_on_article_pages(client, pages, page_type, shown):
    html = get(client, pages, "zh-hans", page_type)
    assert ('<a class="call-button" href="tel:4006220089">' in html) is shown


class AssetCollector(HTMLParser):
    """Every URL the browser fetches by itself: stylesheets, icons, scripts, images, frames."""

    ASSET_ATTRS = {
        "link": ("href",),
        "script": ("src",),
        "img": ("src", "srcset"),
        "source": ("src", "srcset"),
        "iframe": ("src",),
        "video": ("src", "poster"),
        "audio": ("src",),
        "embed": ("src",),
        "object": ("data",),
    }

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in {"alternate", "canonical"}:
            return  # references to our own pages, not assets
        for name in self.ASSET_ATTRS.get(tag, ()):
            if attrs.get(name):
                self.urls += [part.split()[0] for part in attrs[name].split(",") if part.strip()]
        if attrs.get("style"):
            self.urls += re.findall(r"url\(['\"]?([^'\")]+)", attrs["style"])


def third_party(urls):
    """The URLs that point to a host other than ours."""
    return [url for url in urls if urlsplit(url).netloc not in {"", "testserver"}]


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_asset_is_loaded_from_a_third_party_host(client, pages, lang, page_type):
    html = get(client, pages, lang, page_type)
    collector = AssetCollector()
    collector.feed(html)
    collector.urls += re.findall(r"url\(['\"]?([^'\")]+)", html)  # inline <style>
    assert collector.urls, "the page loads its stylesheet"
    assert third_party(collector.urls) == []


def test_the_stylesheet_imports_nothing_from_elsewhere():
    with open(finders.find("css/site.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    assert "@import" not in css
    assert third_party(re.findall(r"url\(['\"]?([^'\")]+)", css)) == []
    assert "fonts.googleapis" not in css
