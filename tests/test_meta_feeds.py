"""Feeds follow the W3C validator's rules, the site answers /favicon.ico, and errors have pages."""

import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

from tests.factories import make_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def articles(site_tree):
    """An article with markup typed into its summary and a named source, and a plain one."""
    _home, index = site_tree
    marked = make_article(
        index, 1, summary_zh_hans="<b>粗体</b> & 摘要", summary_en="<b>Bold</b> & summary"
    )
    sourced = make_article(index, 2, source="浙江大学")
    return marked, sourced


def parse_xml(response):
    """The root element of a response of ours (trusted: no defusedxml needed)."""
    return ET.fromstring(response.content)  # noqa: S314


class TestAtom:
    """Every entry has an author, an id and an updated date; summaries are plain text."""

    def test_every_entry_is_covered_by_an_author_and_has_id_and_updated(self, client, articles):
        feed = parse_xml(client.get("/zh-hans/feed/atom/"))
        assert feed.find(f"{ATOM}author/{ATOM}name").text
        for entry in feed.iter(f"{ATOM}entry"):
            assert entry.findtext(f"{ATOM}id")
            assert entry.findtext(f"{ATOM}updated")

    def test_an_article_with_a_source_names_it_as_its_author(self, client, articles):
        feed = parse_xml(client.get("/zh-hans/feed/atom/"))
        authors = {
            entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}author/{ATOM}name")
            for entry in feed.iter(f"{ATOM}entry")
        }
        assert authors["干细胞新闻2"] == "浙江大学"

    def test_summary_is_declared_text_so_typed_markup_is_shown_not_interpreted(
        self, client, articles
    ):
        feed = parse_xml(client.get("/en/feed/atom/"))
        summaries = [entry.find(f"{ATOM}summary") for entry in feed.iter(f"{ATOM}entry")]
        marked = next(s for s in summaries if "Bold" in s.text)
        assert marked.get("type") == "text"
        assert marked.text == "<b>Bold</b> & summary"


class TestRss:
    """RSS readers render <description> as HTML, so a plain-text summary arrives escaped."""

    def test_markup_in_a_summary_is_escaped_once_more(self, client, articles):
        channel = parse_xml(client.get("/en/feed/")).find("channel")
        descriptions = [item.findtext("description") for item in channel.iter("item")]
        assert "&lt;b&gt;Bold&lt;/b&gt; &amp; summary" in descriptions


class TestFooterFeedLinks:
    """Readers see where to subscribe, in the page's language."""

    @pytest.mark.parametrize(
        ("path", "rss", "label"),
        [("/zh-hans/", "/zh-hans/feed/", "RSS 订阅"), ("/en/", "/en/feed/", "RSS feed")],
    )
    def test_footer_links_the_languages_feeds(self, client, articles, path, rss, label):
        html = client.get(path).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert f'href="{rss}"' in footer
        assert label in footer


class TestFavicon:
    """Browsers and feed readers asking for /favicon.ico get the site's icon."""

    def test_favicon_ico_redirects_to_the_icon(self, client):
        response = client.get("/favicon.ico")
        assert response.status_code == 301
        assert response["Location"].endswith("favicon.svg")

    def test_only_get_and_head(self, client):
        assert client.post("/favicon.ico").status_code == 405


class TestServerError:
    """A 500 still shows a page in the reader's language, rendered without the database."""

    @pytest.mark.parametrize(
        ("language", "heading", "home"),
        [("zh-hans", "出错了", 'href="/zh-hans/"'), ("en", "Something went wrong", 'href="/en/"')],
    )
    def test_renders_in_the_language_without_a_context(self, language, heading, home):
        with translation.override(language):
            html = render_to_string("500.html")
        assert f"<h1>{heading}</h1>" in html
        assert home in html
        assert f'<html lang="{language}">' in html

    @override_settings(DEBUG=False)
    def test_an_exception_in_a_view_gets_the_page(self, client, monkeypatch):
        def broken(*args, **kwargs):
            raise RuntimeError("database gone")

        monkeypatch.setattr("seo.views.sitemap_views.index", broken)
        client.raise_request_exception = False
        response = client.get("/sitemap.xml")
        assert response.status_code == 500
        assert "<h1>出错了</h1>" in response.content.decode()
