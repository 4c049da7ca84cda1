"""The sitemap: an index of sections whose pages hold at most `limit` URLs, at any size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from articles.models import Category
from cms import cache_invalidation
from registry.models import ClinicalTrial
from seo.sitemap import SITEMAP_LIMIT, LanguagesSitemap
from tests import sitemaps
from tests.factories import bulk_articles, make_article
from translations.languages import LANGUAGES, hreflang
from translations.models import is_available_in

pytestmark = pytest.mark.django_db

LIMIT = 20
SECTIONS = ["/sitemap-pages.xml", "/sitemap-topics.xml", "/sitemap-trials.xml"]
SERVER = sitemaps.SERVER


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    """Sections of LIMIT URLs a page, so that a few dozen articles fill several pages."""
    monkeypatch.setattr(LanguagesSitemap, "limit", LIMIT)


@pytest.fixture
def site(site_tree):
    """Home, the news index, one article in both languages, one only in Chinese, 18 in both.

    43 page URLs: 2 + 2 + 2 + 1 + 36, so the pages section has pages of 20, 20 and 3.
    """
    home, index = site_tree
    make_article(index, 1)
    make_article(index, 2, en=False)
    bulk_articles(index, range(3, 21))
    return home, index


def expected_urls(home):
    """[(location, {hreflang: href})] of every live page in path order, each of its languages."""
    expected = []
    for page in Page.objects.live().descendant_of(home, inclusive=True).specific().order_by("path"):
        languages = [code for code in LANGUAGES if is_available_in(page, code)]
        links = {}
        for code in languages:
            with translation.override(code):
                links[hreflang(code)] = SERVER + page.get_url()
        if len(links) > 1:
            links["x-default"] = links[hreflang(LANGUAGES[0])]
        expected += [(links[hreflang(code)], links) for code in languages]
    return expected


def page_locations(client, section="/sitemap-pages.xml"):
    """The index's locations of one section's pages."""
    locations = sitemaps.index_locations(client)
    return [loc for loc in locations if loc.split("?")[0] == SERVER + section]


def queries(client, path):
    """The SQL queries of one uncached GET of `path` (which must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


class TestIndex:
    def test_names_every_page_of_every_section(self, client, site):
        assert sitemaps.index_locations(client) == [
            f"{SERVER}/sitemap-pages.xml",
            f"{SERVER}/sitemap-pages.xml?p=2",
            f"{SERVER}/sitemap-pages.xml?p=3",
        ]

    def test_a_section_is_named_once_it_has_an_entry(self, client, site):
        _home, index = site
        ClinicalTrial.objects.create(registry_id="NCT01234567", title_zh_hans="试验")
        category = Category.objects.create(name_zh_hans="临床", slug="clinical")
        make_article(index, 21, category=category)
        assert sitemaps.index_locations(client)[-2:] == [
            f"{SERVER}/sitemap-topics.xml",
            f"{SERVER}/sitemap-trials.xml",
        ]

    def test_robots_txt_points_at_the_index(self, client, site):
        lines = client.get("/robots.txt").text.splitlines()
        assert f"Sitemap: {SERVER}/sitemap.xml" in lines
        assert "<sitemapindex" in client.get("/sitemap.xml").text

    def test_the_page_size_keeps_far_below_the_protocols_fifty_thousand(self):
        assert 1000 <= SITEMAP_LIMIT <= 50_000


class TestKeptCount:
    """The index's and sections' counts are kept until the next publish, which retires them."""

    def test_a_new_article_is_listed_at_once_even_on_a_new_page(self, client, site):
        _home, index = site
        assert len(page_locations(client)) == 3
        for n in range(21, 30):
            make_article(index, n)
        # 43 + 18 URLs: a fourth page holds the last one.
        assert len(page_locations(client)) == 4
        locations = [sitemaps.location(url) for url in sitemaps.all_url_elements(client)]
        assert f"{SERVER}/en/news/article-29-en/" in locations


class TestSectionPages:
    def test_each_holds_at_most_the_limit(self, client, site):
        sizes = [len(sitemaps.url_elements(client, loc)) for loc in page_locations(client)]
        assert sizes == [LIMIT, LIMIT, 3]

    def test_together_every_page_in_each_language_in_path_order(self, client, site):
        home, _index = site
        listed = [
            sitemaps.location(url)
            for loc in page_locations(client)
            for url in sitemaps.url_elements(client, loc)
        ]
        assert listed == [location for location, _links in expected_urls(home)]

    def test_the_order_is_stable(self, client, site):
        first = client.get("/sitemap-pages.xml?p=2").content
        assert client.get("/sitemap-pages.xml?p=2").content == first

    def test_every_entry_keeps_its_alternates_across_page_boundaries(self, client, site):
        home, _index = site
        listed = [
            (sitemaps.location(url), sitemaps.alternates(url))
            for loc in page_locations(client)
            for url in sitemaps.url_elements(client, loc)
        ]
        assert listed == expected_urls(home)

    def test_a_chinese_only_article_has_no_english_alternate(self, client, site):
        entry = sitemaps.entries(client)[f"{SERVER}/zh-hans/news/article-2/"]
        assert entry == {"zh-Hans": f"{SERVER}/zh-hans/news/article-2/"}

    def test_every_entry_has_its_lastmod(self, client, site):
        for url in sitemaps.url_elements(client, "/sitemap-pages.xml?p=2"):
            assert url.findtext(f"{sitemaps.SITEMAP}lastmod")

    def test_topic_entries_have_their_newest_articles_lastmod(self, client, site):
        _home, index = site
        category = Category.objects.create(name_zh_hans="临床", name_en="Clinical", slug="clinical")
        make_article(index, 21, category=category)
        topics = sitemaps.url_elements(client, "/sitemap-topics.xml")
        assert [sitemaps.location(url) for url in topics] == [
            f"{SERVER}/zh-hans/news/category/clinical/",
            f"{SERVER}/en/news/category/clinical/",
        ]
        for url in topics:
            assert url.findtext(f"{sitemaps.SITEMAP}lastmod")

    @pytest.mark.parametrize(
        "query", ["?p=4", "?p=99999", "?p=abc", "?p=0", "?p=-1", "?p=1.5", "?p=" + "9" * 40]
    )
    def test_a_page_that_does_not_exist_is_not_found(self, client, site, query):
        assert client.get(f"/sitemap-pages.xml{query}").status_code == 404

    def test_an_unknown_section_is_not_found(self, client, site):
        assert client.get("/sitemap-nope.xml").status_code == 404

    def test_a_section_without_entries_still_answers(self, client, site):
        assert sitemaps.url_elements(client, "/sitemap-trials.xml") == []


class TestCost:
    """A section page reads its slice of URLs in SQL; nothing lists every page in Python."""

    # Wagtail's view restrictions (public()), the site, the page's (page, language) pairs, and
    # its pages with their languages; the count is kept from the index until the next publish.
    SECTION_PAGE_QUERIES = 4

    def test_a_section_page_costs_the_same_queries_at_twenty_and_three_hundred_articles(
        self, client, site
    ):
        _home, index = site
        small = [queries(client, loc.removeprefix(SERVER)) for loc in page_locations(client)]
        bulk_articles(index, range(21, 301))
        large = [queries(client, loc.removeprefix(SERVER)) for loc in page_locations(client)]
        assert len(large) == -(-(43 + 280 * 2) // LIMIT)
        assert set(small) == set(large) == {self.SECTION_PAGE_QUERIES}

    def test_the_index_costs_the_same_queries_at_twenty_and_three_hundred_articles(
        self, client, site
    ):
        _home, index = site
        small = queries(client, "/sitemap.xml")
        bulk_articles(index, range(21, 301))
        assert queries(client, "/sitemap.xml") == small


class TestPurge:
    def test_a_change_to_an_article_purges_the_index_and_every_section(self, site):
        _home, index = site
        article = index.get_children().specific().get(slug_zh_hans="article-1")
        assert {"/sitemap.xml", *SECTIONS} <= cache_invalidation.urls_for_page(article)

    def test_a_change_to_a_trial_purges_the_trials_section_and_the_index(self, site):
        trial = ClinicalTrial.objects.create(registry_id="NCT01234567", title_zh_hans="试验")
        paths = cache_invalidation.urls_for_object(trial)
        assert {"/sitemap.xml", "/sitemap-trials.xml"} <= paths

    def test_a_new_article_purges_every_cached_page_of_the_sections(self, client, site, settings):
        settings.PAGE_CACHE = True
        _home, index = site
        paths = ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-pages.xml?p=3"]
        for path in paths:
            client.get(path)
            assert client.get(path)["X-Page-Cache"] == "hit", path
        make_article(index, 21)
        for path in paths:
            assert client.get(path)["X-Page-Cache"] == "miss", path
        assert len(sitemaps.url_elements(client, "/sitemap-pages.xml?p=3")) == 3 + 2
