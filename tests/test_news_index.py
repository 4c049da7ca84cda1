"""The news index: live articles of the reader's language, newest first, paginated."""

import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import Category
from common import render_cache
from tests.factories import bulk_articles, make_article, make_image, make_site

pytestmark = pytest.mark.django_db


def get(client, index, language="zh-hans", **params):
    """The index page response in `language` with query `params`."""
    with translation.override(language):
        url = index.get_url()
    return client.get(url, params)


def titles(response):
    """Article titles listed on the page, in order."""
    assert response.status_code == 200
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.text)


class TestListing:
    def test_newest_first(self, client, site_tree):
        _home, index = site_tree
        for n in (2, 3, 1):
            make_article(index, n)
        assert titles(get(client, index)) == ["干细胞新闻3", "干细胞新闻2", "干细胞新闻1"]

    def test_drafts_are_not_listed(self, client, site_tree):
        _home, index = site_tree
        make_article(index, 1)
        make_article(index, 2, live=False)
        assert titles(get(client, index)) == ["干细胞新闻1"]

    def test_english_lists_only_translated_articles(self, client, site_tree):
        _home, index = site_tree
        make_article(index, 1)
        make_article(index, 2, en=False)
        assert titles(get(client, index, "en")) == ["Stem cell news 1"]
        assert titles(get(client, index)) == ["干细胞新闻2", "干细胞新闻1"]

    def test_item_has_date_title_summary_and_image(self, client, site_tree):
        _home, index = site_tree
        make_article(index, 1, lead_image=make_image())
        html = get(client, index, "en").text
        assert '<time datetime="2025-08-02">' in html
        assert "<p>Summary 1</p>" in html
        assert re.search(r'<img [^>]*src="[^"]*fill-480x270[^"]*"', html)

    def test_headings_never_skip_a_level(self, client, site_tree):
        _home, index = site_tree
        make_article(index, 1)
        html = get(client, index, "en").text
        main = html[html.index("<main") : html.index("</main>")]
        levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", main)]
        assert levels[0] == 1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels

    def test_empty_index(self, client, site_tree):
        _home, index = site_tree
        assert titles(get(client, index)) == []


class TestPagination:
    @pytest.fixture(scope="class")
    @classmethod
    def index(cls, class_db):
        """25 articles, built once for the class."""
        _home, index = make_site()
        bulk_articles(index, range(1, 26))
        return index

    @pytest.mark.parametrize(
        ("page", "first"),
        [
            ("1", "干细胞新闻25"),
            ("2", "干细胞新闻15"),
            ("3", "干细胞新闻5"),
            ("x", "干细胞新闻25"),
            ("0", "干细胞新闻25"),
            ("-1", "干细胞新闻25"),
            ("99999", "干细胞新闻5"),
            ("9" * 40, "干细胞新闻5"),
            ("1.5", "干细胞新闻25"),
            ("", "干细胞新闻25"),
        ],
    )
    def test_any_page_number_gives_a_sensible_page(self, client, index, page, first):
        assert titles(get(client, index, page=page))[0] == first

    def test_pages_hold_ten_and_link_to_each_other(self, client, index):
        response = get(client, index, page="2")
        assert len(titles(response)) == 10
        assert 'rel="prev" href="?page=1"' in response.text
        assert 'rel="next" href="?page=3"' in response.text


class TestOldFilters:
    """?category= and ?tag= listed a topic on the index; they now redirect to its own page."""

    @pytest.fixture(scope="class")
    @classmethod
    def index(cls, class_db):
        """A tagged article in a category and one in neither, built once for the class."""
        _home, index = make_site()
        clinical = Category.objects.create(name_zh_hans="临床试验", name_en="Trials", slug="trials")
        in_category = make_article(index, 1, category=clinical)
        in_category.tags.add("抑郁症")
        in_category.save_revision().publish()
        make_article(index, 2)
        return index

    def test_a_category_moves_to_its_page(self, client, index):
        response = get(client, index, "en", category="trials")
        assert response.status_code == 301
        assert response["Location"] == "/en/news/category/trials/"

    def test_a_tag_moves_to_its_page_with_the_page_number(self, client, index):
        response = get(client, index, tag="抑郁症", page="2")
        assert response.status_code == 301
        assert response["Location"] == "/zh-hans/news/tag/%E6%8A%91%E9%83%81%E7%97%87/?page=2"

    @pytest.mark.parametrize("name", ["category", "tag"])
    @pytest.mark.parametrize("value", ["nope", "a" * 500, "<script>", "x\x00y", "../../etc", "%00"])
    def test_bad_values_are_not_found(self, client, index, name, value):
        assert get(client, index, **{name: value}).status_code == 404

    def test_a_tag_without_an_english_name_is_not_found_in_english(self, client, index):
        assert get(client, index, "en", tag="抑郁症").status_code == 404

    def test_an_empty_filter_shows_everything(self, client, index):
        assert len(titles(get(client, index, category="", tag=""))) == 2


class TestKeptList:
    """The list's count and each page's ids are kept until the next publish retires them."""

    def test_a_warm_page_reads_its_rows_by_id_without_counting(self, client, site_tree):
        _home, index = site_tree
        bulk_articles(index, range(1, 301))
        get(client, index, page="7")
        with CaptureQueriesContext(connection) as captured:
            assert titles(get(client, index, page="7"))[0] == "干细胞新闻240"
        sql = [query["sql"] for query in captured]
        assert not [q for q in sql if "COUNT(" in q]
        assert not [q for q in sql if re.search(r"OFFSET [1-9]", q)]

    def test_a_publish_shows_at_once(self, client, site_tree):
        _home, index = site_tree
        make_article(index, 1)
        assert titles(get(client, index)) == ["干细胞新闻1"]
        make_article(index, 2)
        assert titles(get(client, index)) == ["干细胞新闻2", "干细胞新闻1"]

    def test_an_unpublished_article_leaves_at_once(self, client, site_tree):
        _home, index = site_tree
        first = make_article(index, 1)
        make_article(index, 2)
        assert len(titles(get(client, index))) == 2
        first.unpublish()
        assert titles(get(client, index)) == ["干细胞新闻2"]


def test_listing_queries_do_not_grow_with_the_page(client, site_tree):
    _home, index = site_tree
    image = make_image()
    bulk_articles(index, range(1, 3), lead_image=image)
    get(client, index)  # creates the renditions
    with CaptureQueriesContext(connection) as two:
        assert len(titles(get(client, index))) == 2
    bulk_articles(index, range(3, 13), lead_image=image)
    get(client, index)
    with CaptureQueriesContext(connection) as ten:
        assert len(titles(get(client, index))) == 10
    assert len(ten) == len(two)


class TestLastPages:
    """A page past the middle is read from the end of the list: its cost does not grow with it."""

    @staticmethod
    def last_page(client, index):
        """(titles, SQL queries) of the index's last page, its count and ids read afresh."""
        render_cache.bump()
        with CaptureQueriesContext(connection) as captured:
            response = get(client, index, page="99999")
        return titles(response), [query["sql"] for query in captured]

    def test_the_last_page_lists_the_oldest_articles_newest_first(self, client, site_tree):
        _home, index = site_tree
        bulk_articles(index, range(1, 301))
        shown, _sql = self.last_page(client, index)
        assert shown == [f"干细胞新闻{n}" for n in range(10, 0, -1)]

    def test_a_short_last_page_holds_the_remainder(self, client, site_tree):
        _home, index = site_tree
        bulk_articles(index, range(1, 24))
        assert titles(get(client, index, page="3")) == ["干细胞新闻3", "干细胞新闻2", "干细胞新闻1"]

    def test_the_last_page_costs_the_same_at_twelve_and_three_hundred_articles(
        self, client, site_tree
    ):
        _home, index = site_tree
        image = make_image()
        bulk_articles(index, range(1, 13), lead_image=image)
        get(client, index, page="2")  # creates the renditions
        _shown, small = self.last_page(client, index)
        bulk_articles(index, range(13, 301), lead_image=image)
        _shown, large = self.last_page(client, index)
        assert len(large) == len(small)
        assert not [sql for sql in large if re.search(r"OFFSET [1-9]", sql)]

    def test_every_page_reads_at_most_half_the_list_past(self, client, site_tree):
        _home, index = site_tree
        bulk_articles(index, range(1, 101))
        for page in range(1, 11):
            render_cache.bump()
            with CaptureQueriesContext(connection) as captured:
                shown = titles(get(client, index, page=str(page)))
            assert shown == [f"干细胞新闻{n}" for n in range(110 - 10 * page, 100 - 10 * page, -1)]
            offsets = [int(n) for q in captured for n in re.findall(r"OFFSET (\d+)", q["sql"])]
            assert max(offsets, default=0) <= 50
