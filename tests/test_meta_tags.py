"""Every page type tells machines what it is: a description, social cards, one host."""

import re

import pytest
from django.utils import translation

from publisher.models import SiteSettings
from tests.factories import make_article, make_contact_page, make_image

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hans", "en"]


@pytest.fixture
def pages(site_tree):
    """The site's page types: home, news index, an article without an image, the contact page."""
    home, index = site_tree
    article = make_article(index, summary_zh_hans="中文摘要", summary_en="English summary")
    contact = make_contact_page(home)
    return {"home": home, "index": index, "article": article, "contact": contact}


def meta(html, attribute, key):
    """The content of the <meta attribute=key> tag, or None."""
    found = re.search(rf'<meta {attribute}="{re.escape(key)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def fetch(client, page, language):
    """The page's HTML in `language`, served to an anonymous reader."""
    with translation.override(language):
        url = page.get_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


class TestEveryPageType:
    """Home, news index, article and contact carry a description and social cards."""

    @pytest.mark.parametrize("language", LANGUAGES)
    @pytest.mark.parametrize("kind", ["home", "index", "article", "contact"])
    def test_description_opengraph_and_twitter(self, client, pages, kind, language):
        html = fetch(client, pages[kind], language)
        assert meta(html, "name", "description")
        for key in ("og:type", "og:title", "og:description", "og:url", "og:site_name"):
            assert meta(html, "property", key), key
        assert meta(html, "name", "twitter:card")
        assert html.count('<meta name="description"') == 1

    @pytest.mark.parametrize("language", LANGUAGES)
    @pytest.mark.parametrize("kind", ["home", "index", "article", "contact"])
    def test_og_url_is_the_canonical_url(self, client, pages, kind, language):
        html = fetch(client, pages[kind], language)
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert meta(html, "property", "og:url") == canonical

    def test_a_page_without_its_own_description_falls_back_to_the_tagline(self, client, pages):
        html = fetch(client, pages["contact"], "en")
        assert (
            meta(html, "name", "description") == "Stem-cell clinical news from China and the world."
        )

    def test_an_article_is_described_by_its_summary(self, client, pages):
        assert (
            meta(fetch(client, pages["article"], "en"), "name", "description") == "English summary"
        )


class TestImages:
    """A card image always has its alternative text; articles without one use the site's logo."""

    def test_article_without_lead_image_shows_the_logo_with_alt(self, client, pages):
        SiteSettings.objects.update(logo=make_image(title="标志", width=600, height=200))
        html = fetch(client, pages["article"], "en")
        assert meta(html, "property", "og:image").startswith("http://testserver/")
        assert meta(html, "property", "og:image:alt") == "Stem cell news 1"
        assert meta(html, "name", "twitter:image:alt")

    def test_home_page_card_uses_the_logo_named_by_the_site(self, client, pages):
        SiteSettings.objects.update(logo=make_image(title="标志", width=600, height=200))
        html = fetch(client, pages["home"], "en")
        assert meta(html, "property", "og:image:alt") == "Hangji Stem Cell News"

    def test_without_any_image_the_card_is_a_summary_card(self, client, pages):
        html = fetch(client, pages["index"], "en")
        assert meta(html, "name", "twitter:card") == "summary"
        assert meta(html, "property", "og:image") is None
