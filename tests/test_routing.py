"""URLs: one per language from ASCII slugs, indexed routing, and old URLs that keep working."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from articles.models import ArticlePage, NewsIndexPage
from tests.admin_forms import plain_columns
from tests.factories import bulk_articles, make_article

pytestmark = pytest.mark.django_db


def url_in(page, language):
    """The page's public URL in `language`."""
    with translation.override(language):
        return Page.objects.get(pk=page.pk).specific.get_url()


def republish(page, **fields):
    """Change `fields` of a page and publish it, as the admin does."""
    page = ArticlePage.objects.get(pk=page.pk) if isinstance(page, ArticlePage) else page
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


class TestRouting:
    """Each language reaches the page by its own slug."""

    def test_each_language_has_its_own_url(self, client, site_tree):
        _home, index = site_tree
        article = make_article(index, 1, slug_zh_hans="ganxibao", slug_en="stem-cells")
        assert url_in(article, "zh-hans") == "/zh-hans/news/ganxibao/"
        assert url_in(article, "en") == "/en/news/stem-cells/"
        assert "干细胞新闻1" in client.get("/zh-hans/news/ganxibao/").text
        assert "Stem cell news 1" in client.get("/en/news/stem-cells/").text

    def test_a_language_does_not_answer_to_the_other_languages_slug(self, client, site_tree):
        _home, index = site_tree
        make_article(index, 1, slug_zh_hans="ganxibao", slug_en="stem-cells")
        assert client.get("/zh-hans/news/stem-cells/").status_code == 404
        assert client.get("/en/news/ganxibao/").status_code == 404

    def test_english_falls_back_to_the_chinese_slug_when_it_has_none(self, client, site_tree):
        _home, index = site_tree
        article = make_article(index, 1, slug_zh_hans="ganxibao", title_en="", slug_en="")
        republish(article, title_en="Stem cells")
        with translation.override("zh-hans"):
            Page.objects.filter(pk=article.pk).update(slug_en="")
        assert client.get("/en/news/ganxibao/").status_code == 200

    def test_unknown_and_draft_pages_are_not_found(self, client, site_tree):
        _home, index = site_tree
        make_article(index, 1, live=False)
        assert client.get("/zh-hans/news/article-1/").status_code == 404
        assert client.get("/zh-hans/news/nothing-here/").status_code == 404

    def test_query_count_does_not_grow_with_the_number_of_siblings(self, client, site_tree):
        _home, index = site_tree
        for n in range(1, 11):
            make_article(index, n)

        def queries_for(path):
            client.get(path)  # warm the per-process caches first
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path).status_code == 200
            return len(queries)

        few = {lang: queries_for(f"/{lang}/news/article-5{suffix}/") for lang, suffix in LANGS}
        bulk_articles(index, range(11, 301))
        many = {lang: queries_for(f"/{lang}/news/article-5{suffix}/") for lang, suffix in LANGS}
        assert many == few

    def test_an_english_slug_is_looked_up_alone(self, client, site_tree):
        # An OR with the Chinese fallback made PostgreSQL read every sibling of the page.
        _home, index = site_tree
        make_article(index, 1)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/news/article-1-en/").status_code == 200
        lookups = [query["sql"] for query in queries if '"slug_en" = ' in query["sql"]]
        assert len(lookups) == 2
        assert not [sql for sql in lookups if "slug_zh_hans" in sql.split("WHERE", 1)[1]]


LANGS = [("zh-hans", ""), ("en", "-en")]


class TestSlugs:
    """Slugs are ASCII: English from the English title, pinyin suggested for Chinese."""

    def test_empty_slugs_are_suggested_from_the_titles(self, site_tree):
        _home, index = site_tree
        article = make_article(
            index,
            1,
            title_zh_hans="干细胞治疗膝关节炎",
            slug_zh_hans="",
            title_en="Stem cells, knees",
            slug_en="",
        )
        article.refresh_from_db()
        assert article.slug_zh_hans == "gan-xi-bao-zhi-liao-xi-guan-jie-yan"
        assert article.slug_en == "stem-cells-knees"

    def test_a_slug_made_from_a_chinese_title_becomes_pinyin(self, site_tree):
        _home, index = site_tree
        article = make_article(index, 1, title_zh_hans="新药", slug_zh_hans="新药")
        article.refresh_from_db()
        assert article.slug_zh_hans == "xin-yao"

    def test_a_typed_non_ascii_slug_is_refused_with_a_suggestion(self, site_tree):
        _home, index = site_tree
        article = make_article(index, 1)
        article.slug_zh_hans = "干细胞-news"
        with pytest.raises(ValidationError) as error:
            article.full_clean()
        with translation.override("en"):
            messages = error.value.message_dict["slug_zh_hans"]
        assert messages == [
            "Use only lower-case Latin letters, digits and hyphens, for example “gan-xi-bao-news”."
        ]

    def test_duplicate_slug_in_one_language_is_refused(self, site_tree):
        _home, index = site_tree
        make_article(index, 1, slug_en="same")
        article = make_article(index, 2, live=False)
        article.slug_en = "same"
        with pytest.raises(ValidationError) as error:
            article.full_clean()
        assert "slug_en" in error.value.message_dict


class TestPlainColumns:
    """The untranslated title/slug/url_path/draft_title columns always hold Chinese."""

    def test_saving_with_english_active_keeps_chinese_in_plain_columns(self, site_tree):
        _home, index = site_tree
        article = make_article(index, 1)
        with translation.override("en"):
            page = ArticlePage.objects.get(pk=article.pk)
            page.title_en = "Renamed"
            page.save_revision().publish()
        title, slug, url_path, draft_title = plain_columns(article)
        assert (title, slug, draft_title) == ("干细胞新闻1", "article-1", "干细胞新闻1")
        assert url_path.endswith("/news/article-1/")


class TestRedirects:
    """A changed slug or a move leaves a permanent redirect from each old URL."""

    @pytest.mark.parametrize(
        ("field", "old", "new"),
        [
            ("slug_zh_hans", "/zh-hans/news/article-1/", "/zh-hans/news/renamed/"),
            ("slug_en", "/en/news/article-1-en/", "/en/news/renamed/"),
        ],
    )
    def test_slug_change_redirects_in_its_language(self, client, site_tree, field, old, new):
        _home, index = site_tree
        article = make_article(index, 1)
        republish(article, **{field: "renamed"})
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == new
        assert client.get(new).status_code == 200

    def test_parent_slug_change_redirects_the_children(self, client, site_tree):
        _home, index = site_tree
        make_article(index, 1)
        index = NewsIndexPage.objects.get(pk=index.pk)
        index.slug_en = "stories"
        index.save_revision().publish()
        response = client.get("/en/news/article-1-en/")
        assert response.status_code == 301
        assert response["Location"] == "/en/stories/article-1-en/"

    def test_move_redirects_in_both_languages(self, client, site_tree):
        home, index = site_tree
        article = make_article(index, 1)
        with translation.override("zh-hans"):
            other = NewsIndexPage(
                title_zh_hans="专题",
                title_en="Features",
                slug_zh_hans="zhuan-ti",
                slug_en="features",
            )
            home.add_child(instance=other)
        Page.objects.get(pk=article.pk).move(other, pos="last-child")
        for old, new in [
            ("/zh-hans/news/article-1/", "/zh-hans/zhuan-ti/article-1/"),
            ("/en/news/article-1-en/", "/en/features/article-1-en/"),
        ]:
            response = client.get(old)
            assert (response.status_code, response["Location"]) == (301, new)
