"""Readers find the right language: switcher, hreflang, feeds, sitemap, robots.txt, 404s."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from tests import sitemaps
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def articles(site_tree):
    """One article in both languages, one only in Chinese."""
    _home, index = site_tree
    both = make_article(index, 1, slug_zh_hans="shuang-yu", slug_en="bilingual")
    chinese = make_article(index, 2, en=False, title_zh_hans="仅中文文章", slug_zh_hans="zhong-wen")
    return both, chinese


def parse_xml(response):
    """The root element of a response of ours (trusted: no defusedxml needed)."""
    return ET.fromstring(response.content)  # noqa: S314


def head_links(html, rel):
    """(hreflang, href) of every <link rel=`rel`> carrying an hreflang."""
    pattern = rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)">'
    return re.findall(pattern, html)


def path_of(url):
    """The path of an absolute URL on the test server."""
    return url.removeprefix("http://testserver")


class TestSwitcher:
    """The header links to the same page in the other language, through a cookie-setting view."""

    def test_switcher_links_to_the_other_language_of_the_same_article(self, client, articles):
        html = client.get("/zh-hans/news/shuang-yu/").text
        assert 'href="/language/en/?next=%2Fen%2Fnews%2Fbilingual%2F"' in html

    def test_switching_remembers_the_language_and_lands_on_a_live_page(self, client, articles):
        response = client.get("/language/en/", {"next": "/en/news/bilingual/"})
        assert response.status_code == 302
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
        assert client.get(response["Location"]).status_code == 200
        assert client.get("/")["Location"] == "/en/"

    def test_switch_refuses_to_send_readers_off_site(self, client):
        response = client.get("/language/en/", {"next": "https://evil.example/"})
        assert response["Location"] == "/en/"

    def test_untranslated_article_shows_english_as_unavailable(self, client, articles):
        html = client.get("/zh-hans/news/zhong-wen/").text
        assert "language-switcher__unavailable" in html
        assert "/language/en/" not in html


class TestAlternates:
    """hreflang alternates and canonical URLs in <head>."""

    def test_bilingual_article_names_both_languages_and_a_default(self, client, articles):
        html = client.get("/en/news/bilingual/").text
        assert dict(head_links(html, "alternate")) == {
            "zh-Hans": "http://testserver/zh-hans/news/shuang-yu/",
            "en": "http://testserver/en/news/bilingual/",
            "x-default": "http://testserver/zh-hans/news/shuang-yu/",
        }
        assert '<link rel="canonical" href="http://testserver/en/news/bilingual/">' in html

    def test_every_alternate_resolves(self, client, articles):
        for page in ("/zh-hans/", "/en/", "/zh-hans/news/", "/en/news/bilingual/"):
            alternates = head_links(client.get(page).text, "alternate")
            assert len(alternates) == 3, page
            for _lang, url in alternates:
                assert client.get(path_of(url)).status_code == 200

    def test_chinese_only_article_has_a_canonical_but_no_alternates(self, client, articles):
        html = client.get("/zh-hans/news/zhong-wen/").text
        assert head_links(html, "alternate") == []
        assert '<link rel="canonical" href="http://testserver/zh-hans/news/zhong-wen/">' in html

    def test_head_links_the_feeds_of_the_language(self, client, articles):
        html = client.get("/en/").text
        assert 'type="application/rss+xml"' in html
        assert 'href="/en/feed/"' in html
        assert 'href="/en/feed/atom/"' in html


class TestUntranslated:
    """A Chinese-only article is absent from every English surface."""

    def test_english_url_is_a_404_in_english_linking_to_the_chinese(self, client, articles):
        response = client.get("/en/news/zhong-wen/")
        assert response.status_code == 404
        assert '<html lang="en">' in response.text
        assert 'href="/zh-hans/news/zhong-wen/"' in response.text

    @pytest.mark.parametrize("path", ["/en/", "/en/news/", "/en/feed/", "/en/feed/atom/"])
    def test_absent_from_english_lists_and_feeds(self, client, articles, path):
        html = client.get(path).text
        assert "Stem cell news 1" in html
        assert "仅中文文章" not in html
        assert "zhong-wen" not in html

    def test_present_in_chinese_lists(self, client, articles):
        assert "仅中文文章" in client.get("/zh-hans/news/").text

    def test_absent_from_the_english_sitemap_entries(self, client, articles):
        locations = sitemap_locations(client)
        assert "http://testserver/zh-hans/news/zhong-wen/" in locations
        assert "http://testserver/en/news/zhong-wen/" not in locations


class TestFeeds:
    """RSS 2.0 and Atom per language, valid XML with full title, summary, date and link."""

    def test_rss_parses_and_carries_each_article(self, client, articles):
        response = client.get("/en/feed/")
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = parse_xml(response).find("channel")
        item = channel.find("item")
        assert item.findtext("title") == "Stem cell news 1"
        assert item.findtext("description") == "Summary 1"
        assert item.findtext("link") == "http://testserver/en/news/bilingual/"
        assert item.findtext("pubDate")

    def test_atom_parses_in_chinese(self, client, articles):
        feed = parse_xml(client.get("/zh-hans/feed/atom/"))
        titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
        assert titles == ["仅中文文章", "干细胞新闻1"]
        entry = next(feed.iter(f"{ATOM}entry"))
        assert entry.find(f"{ATOM}link").get("href") == "http://testserver/zh-hans/news/zhong-wen/"
        assert entry.findtext(f"{ATOM}summary") == "摘要2"


def sitemap_locations(client):
    """Every <loc> of every page of the sitemap, following its index."""
    return [sitemaps.location(url) for url in sitemaps.all_url_elements(client)]


class TestSitemap:
    """/sitemap.xml lists each live page per language with its alternates; robots.txt finds it."""

    def test_every_page_in_every_language_it_exists_in(self, client, articles):
        assert set(sitemap_locations(client)) == {
            "http://testserver/zh-hans/",
            "http://testserver/en/",
            "http://testserver/zh-hans/news/",
            "http://testserver/en/news/",
            "http://testserver/zh-hans/news/shuang-yu/",
            "http://testserver/en/news/bilingual/",
            "http://testserver/zh-hans/news/zhong-wen/",
        }

    def test_bilingual_entries_carry_hreflang_alternates(self, client, articles):
        alternates = sitemaps.entries(client)["http://testserver/en/news/bilingual/"]
        assert alternates == {
            "zh-Hans": "http://testserver/zh-hans/news/shuang-yu/",
            "en": "http://testserver/en/news/bilingual/",
            "x-default": "http://testserver/zh-hans/news/shuang-yu/",
        }

    def test_every_location_resolves(self, client, articles):
        locations = sitemap_locations(client)
        assert len(locations) == 7
        for location in locations:
            assert client.get(path_of(location)).status_code == 200

    def test_robots_txt_points_to_the_sitemap_index(self, client):
        response = client.get("/robots.txt")
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert "Sitemap: http://testserver/sitemap.xml" in response.text.splitlines()
        assert "Disallow: /admin/" in response.text.splitlines()
