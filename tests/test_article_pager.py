"""Previous/next under each article: same index, same language, live and public, stable order."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from articles.models import Category
from common import render_cache
from tests.factories import bulk_articles, make_article

pytestmark = pytest.mark.django_db

AUG_29 = datetime.date(2025, 8, 29)


def neighbours(article, language="zh-hans"):
    """(previous title, next title) as readers of `language` see them."""
    with translation.override(language):
        previous, following = article.previous_article(), article.next_article()
        return (
            previous.title if previous else None,
            following.title if following else None,
        )


def get(client, article, language):
    """The article page's HTML in `language`."""
    with translation.override(language):
        url = article.get_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.text


class TestOrder:
    def test_previous_is_older_and_next_is_newer(self, site_tree):
        _home, index = site_tree
        make_article(index, 1, date=AUG_29 - datetime.timedelta(days=1))
        middle = make_article(index, 2, date=AUG_29)
        make_article(index, 3, date=AUG_29 + datetime.timedelta(days=1))
        assert neighbours(middle) == ("干细胞新闻1", "干细胞新闻3")

    def test_first_and_last_have_one_neighbour(self, site_tree):
        _home, index = site_tree
        first = make_article(index, 1)
        last = make_article(index, 2)
        assert neighbours(first) == (None, "干细胞新闻2")
        assert neighbours(last) == ("干细胞新闻1", None)

    def test_creation_order_does_not_matter(self, site_tree):
        _home, index = site_tree
        newest = make_article(index, 1, date=AUG_29)
        oldest = make_article(index, 2, date=AUG_29 - datetime.timedelta(days=9))
        middle = make_article(index, 3, date=AUG_29 - datetime.timedelta(days=3))
        assert neighbours(middle) == ("干细胞新闻2", "干细胞新闻1")
        assert neighbours(oldest) == (None, "干细胞新闻3")
        assert neighbours(newest) == ("干细胞新闻3", None)

    def test_same_day_articles_are_ordered_by_id(self, site_tree):
        _home, index = site_tree
        a, b, c = (make_article(index, n, date=AUG_29) for n in (1, 2, 3))
        assert neighbours(a) == (None, "干细胞新闻2")
        assert neighbours(b) == ("干细胞新闻1", "干细胞新闻3")
        assert neighbours(c) == ("干细胞新闻2", None)


class TestWhoCounts:
    def test_drafts_are_skipped(self, site_tree):
        _home, index = site_tree
        make_article(index, 1)
        make_article(index, 2, live=False)
        third = make_article(index, 3)
        assert neighbours(third) == ("干细胞新闻1", None)

    def test_unpublished_articles_are_skipped(self, site_tree):
        _home, index = site_tree
        make_article(index, 1)
        second = make_article(index, 2)
        third = make_article(index, 3)
        second.unpublish()
        assert neighbours(third) == ("干细胞新闻1", None)

    def test_private_articles_are_skipped(self, site_tree):
        _home, index = site_tree
        make_article(index, 1)
        second = make_article(index, 2)
        third = make_article(index, 3)
        PageViewRestriction.objects.create(
            page=second, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        assert neighbours(third) == ("干细胞新闻1", None)

    def test_untranslated_articles_are_skipped_in_english_only(self, site_tree):
        _home, index = site_tree
        make_article(index, 1)
        make_article(index, 2, en=False)
        third = make_article(index, 3)
        assert neighbours(third, "en") == ("Stem cell news 1", None)
        assert neighbours(third, "zh-hans") == ("干细胞新闻2", None)

    def test_articles_of_another_index_are_skipped(self, site_tree):
        home, index = site_tree
        from articles.models import NewsIndexPage

        with translation.override("zh-hans"):
            other = NewsIndexPage(title_zh_hans="其他", slug_zh_hans="other", slug_en="other")
            home.add_child(instance=other)
        make_article(other, 1, slug_zh_hans="other-1", slug_en="other-1-en")
        second = make_article(index, 2)
        assert neighbours(second) == (None, None)


class TestRendering:
    def test_chinese_pager(self, client, site_tree):
        _home, index = site_tree
        make_article(index, 1, date=AUG_29)
        middle = make_article(index, 2, date=AUG_29)
        make_article(index, 3, date=datetime.date(2025, 8, 30))
        html = get(client, middle, "zh-hans")
        assert '<nav class="article-pager"' in html
        assert '<span class="pager-direction">« 上一篇</span>' in html
        assert '<time datetime="2025-08-29">2025年8月29日</time>' in html
        assert '<span class="pager-title">干细胞新闻1</span>' in html
        assert '<span class="pager-direction">下一篇 »</span>' in html
        assert '<span class="pager-title">干细胞新闻3</span>' in html

    def test_english_pager(self, client, site_tree):
        _home, index = site_tree
        make_article(index, 1, date=AUG_29)
        middle = make_article(index, 2, date=AUG_29)
        html = get(client, middle, "en")
        assert '<span class="pager-direction">« Previous</span>' in html
        assert '<span class="pager-title">Stem cell news 1</span>' in html
        assert "Next »" not in html

    def test_lone_article_has_no_pager(self, client, site_tree):
        _home, index = site_tree
        assert '<nav class="article-pager"' not in get(client, make_article(index, 1), "en")


class TestQueryCount:
    def test_neighbours_take_two_queries(self, site_tree, django_assert_max_num_queries):
        _home, index = site_tree
        middle = [make_article(index, n) for n in range(1, 4)][1]
        with django_assert_max_num_queries(2):
            assert all(neighbours(middle))

    @pytest.mark.parametrize("language", ["zh-hans", "en"])
    def test_article_page_queries_do_not_grow_with_the_index(
        self, client, site_tree, language, django_assert_max_num_queries
    ):
        _home, index = site_tree
        articles = [make_article(index, n) for n in range(1, 11)]
        middle = articles[5]
        get(client, middle, language)
        # Retired as by a publish, so that the pager and related articles are queried again.
        render_cache.bump()
        with CaptureQueriesContext(connection) as at_10:
            get(client, middle, language)
        bulk_articles(index, range(11, 301))
        render_cache.bump()
        with CaptureQueriesContext(connection) as at_300:
            get(client, middle, language)
        assert len(at_300) == len(at_10)
        render_cache.bump()
        with django_assert_max_num_queries(PINNED_ARTICLE_PAGE_QUERIES):
            get(client, middle, language)


class TestFreshness:
    """The pager is a cached fragment, rebuilt by any publish or unpublish beside it."""

    def test_an_article_published_later_becomes_the_next(self, client, site_tree):
        _home, index = site_tree
        older = make_article(index, 1, date=AUG_29)
        assert "pager-next" not in get(client, older, "zh-hans")
        make_article(index, 2, date=AUG_29 + datetime.timedelta(days=1))
        assert '<span class="pager-title">干细胞新闻2</span>' in get(client, older, "zh-hans")

    def test_an_unpublished_neighbour_leaves_the_pager(self, client, site_tree):
        _home, index = site_tree
        older = make_article(index, 1, date=AUG_29)
        newer = make_article(index, 2, date=AUG_29 + datetime.timedelta(days=1))
        assert "干细胞新闻2" in get(client, older, "zh-hans")
        newer.unpublish()
        assert "干细胞新闻2" not in get(client, older, "zh-hans")

    def test_an_article_of_the_category_published_later_is_related(self, client, site_tree):
        _home, index = site_tree
        clinical = Category.objects.create(name_zh_hans="临床", name_en="Clinical", slug="clinical")
        older = make_article(index, 1, date=AUG_29, category=clinical)
        assert 'class="related-articles"' not in get(client, older, "en")
        make_article(index, 2, date=AUG_29, category=clinical)
        assert 'class="related-articles"' in get(client, older, "en")


# Measured with the render cache retired: routing and view restrictions, site settings and
# navigation, the two neighbours, the related articles, the tags, the breadcrumbs' ancestors.
PINNED_ARTICLE_PAGE_QUERIES = 17
