"""Anonymous readers get cached pages; every change that shows on a page purges it at once."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction, Site

from articles.models import ArticleTag, Category
from cms import cache_invalidation, page_cache
from publisher.models import SiteSettings
from tests.factories import make_article, make_contact_page, make_disclaimer, make_site
from tests.redis_server import REDIS_SERVER, RedisServer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The page cache as in production (the test settings turn it off for other tests)."""
    settings.PAGE_CACHE = True


def cache_state(client, path, **headers):
    """Whether `path` came from the page cache ("hit"), was stored ("miss") or neither (None)."""
    response = client.get(path, **headers)
    return response.status_code, response.get("X-Page-Cache")


def assert_purged(client, paths):
    """Each path was cached, and the next request after the change renders it afresh."""
    for path in paths:
        assert cache_state(client, path) == (200, "miss"), path


def warm(client, paths):
    """Request each path until it is served from the cache."""
    for path in paths:
        client.get(path)
        assert cache_state(client, path) == (200, "hit"), path


@pytest.fixture
def site(db):
    """Home, news index and two articles, published; the readers' paths of each."""
    home, index = make_site()
    first = make_article(index, 1)
    second = make_article(index, 2)
    return home, index, first, second


ARTICLE_PATHS = ["/zh-hans/news/article-1/", "/en/news/article-1-en/"]
LIST_PATHS = ["/zh-hans/", "/en/", "/zh-hans/news/", "/en/news/", "/zh-hans/feed/", "/en/feed/"]
OTHER_ARTICLE = ["/zh-hans/news/article-2/", "/en/news/article-2-en/"]
TAG_PATHS = ["/zh-hans/news/tag/stem/", "/en/news/tag/stem/"]


class TestServedFromCache:
    def test_second_view_is_a_hit_in_each_language(self, site, client):
        for path in ARTICLE_PATHS:
            assert cache_state(client, path) == (200, "miss")
            assert cache_state(client, path) == (200, "hit")

    def test_languages_are_cached_apart(self, site, client):
        zh = client.get(ARTICLE_PATHS[0])
        en = client.get(ARTICLE_PATHS[1])
        assert "干细胞新闻1" in zh.text
        assert "Stem cell news 1" in en.text
        assert "Stem cell news 1" in client.get(ARTICLE_PATHS[1]).text

    def test_query_strings_are_cached_apart(self, site, client):
        assert cache_state(client, "/zh-hans/news/?page=2")[1] == "miss"
        assert cache_state(client, "/zh-hans/news/")[1] == "miss"

    def test_language_and_csrf_cookies_keep_the_cache(self, site, client):
        client.get(ARTICLE_PATHS[0])
        client.cookies["django_language"] = "en"
        client.cookies["csrftoken"] = "x" * 32
        assert cache_state(client, ARTICLE_PATHS[0]) == (200, "hit")

    def test_readers_asking_in_other_languages_and_encodings_share_one_copy(self, site, client):
        client.get(ARTICLE_PATHS[0], HTTP_ACCEPT_LANGUAGE="zh-CN")
        headers = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9", "HTTP_ACCEPT_ENCODING": "br"}
        assert cache_state(client, ARTICLE_PATHS[0], **headers) == (200, "hit")

    def test_a_hit_carries_the_headers_of_the_page_it_copies(self, site, client):
        fresh = client.get(ARTICLE_PATHS[1])
        hit = client.get(ARTICLE_PATHS[1])
        assert hit["X-Page-Cache"] == "hit"
        for header in (
            "Content-Security-Policy",
            "Permissions-Policy",
            "X-Frame-Options",
            "Content-Language",
            "ETag",
        ):
            assert hit[header] == fresh[header], header
        assert hit["Content-Language"] == "en"

    def test_a_hit_answers_a_conditional_get_with_304(self, site, client):
        etag = client.get(ARTICLE_PATHS[0])["ETag"]
        response = client.get(ARTICLE_PATHS[0], HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304

    @pytest.mark.parametrize("path", ["/static/css/site.css", "/media/images/photo.jpg"])
    def test_files_are_not_even_looked_up(self, path, rf):
        assert not page_cache.is_public_request(rf.get(path))

    @override_settings(PAGE_CACHE=False)
    def test_switched_off_nothing_is_cached_but_headers_stay(self, site, client):
        client.get(ARTICLE_PATHS[0])
        response = client.get(ARTICLE_PATHS[0])
        assert "X-Page-Cache" not in response
        assert "s-maxage=600" in response["Cache-Control"]


class TestNeverCached:
    def test_signed_in_readers(self, site, client, django_user_model):
        client.force_login(django_user_model.objects.create_user("reader", password="x" * 12))
        client.get(ARTICLE_PATHS[0])
        response = client.get(ARTICLE_PATHS[0])
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]

    def test_a_signed_in_view_never_reaches_anonymous_readers(
        self, site, client, django_user_model
    ):
        client.force_login(django_user_model.objects.create_user("reader", password="x" * 12))
        client.get(ARTICLE_PATHS[0])
        client.logout()
        client.cookies.clear()
        assert cache_state(client, ARTICLE_PATHS[0]) == (200, "miss")

    def test_the_contact_form_with_its_csrf_token(self, site, client):
        make_contact_page(site[0])
        for _ in range(2):
            response = client.get("/zh-hans/contact/")
            assert response.status_code == 200
            assert "X-Page-Cache" not in response
            assert "no-store" in response["Cache-Control"]
            assert "csrfmiddlewaretoken" in response.text

    def test_search_results(self, site, client):
        client.get("/zh-hans/search/?q=干细胞")
        response = client.get("/zh-hans/search/?q=干细胞")
        assert "X-Page-Cache" not in response
        assert "public" not in response["Cache-Control"]

    def test_not_found(self, site, client):
        for _ in range(2):
            response = client.get("/zh-hans/news/missing/")
            assert response.status_code == 404
            assert "X-Page-Cache" not in response
            assert "no-store" in response["Cache-Control"]

    def test_server_error(self, site, client, monkeypatch):
        def broken(*args, **kwargs):
            raise RuntimeError("render failed")

        monkeypatch.setattr("articles.models.ArticlePage.get_context", broken)
        client.raise_request_exception = False
        for _ in range(2):
            response = client.get(ARTICLE_PATHS[0])
            assert response.status_code == 500
            assert "X-Page-Cache" not in response

    def test_responses_that_set_a_cookie(self, site, client, monkeypatch):
        original = site[2].specific_class.serve

        def serve_with_cookie(self, request, *args, **kwargs):
            response = original(self, request, *args, **kwargs)
            response.set_cookie("seen", "1")
            return response

        monkeypatch.setattr(site[2].specific_class, "serve", serve_with_cookie)
        client.get(ARTICLE_PATHS[0])
        client.cookies.clear()
        response = client.get(ARTICLE_PATHS[0])
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]

    def test_previews(self, site, admin_client):
        article = site[2]
        for _ in range(2):
            response = admin_client.get(
                f"/admin/pages/{article.pk}/view_draft/", {"mode": "zh-hans"}
            )
            assert response.status_code == 200
            assert "X-Page-Cache" not in response

    def test_admin(self, site, admin_client):
        for _ in range(2):
            response = admin_client.get("/admin/")
            assert "X-Page-Cache" not in response
            assert "public" not in response.get("Cache-Control", "")


class TestPageTriggers:
    def test_publish_purges_the_page_its_lists_and_neighbours(self, site, client):
        warm(client, ARTICLE_PATHS + LIST_PATHS + OTHER_ARTICLE)
        article = site[2]
        article.title_en = "Stem cell news one, revised"
        article.save_revision().publish()
        assert_purged(client, ARTICLE_PATHS + LIST_PATHS + OTHER_ARTICLE)
        assert "Stem cell news one, revised" in client.get(ARTICLE_PATHS[1]).text

    def test_a_new_article_purges_the_lists(self, site, client):
        sitemap = ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-pages.xml?p=1"]
        warm(client, [*LIST_PATHS, *sitemap])
        make_article(site[1], 3)
        assert_purged(client, [*LIST_PATHS, *sitemap])

    def test_leaving_a_category_or_tag_purges_its_pages(self, site, client):
        category = Category.objects.create(name_zh_hans="临床", name_en="Clinical", slug="clinical")
        article = site[2]
        article.category = category
        article.tags.add("exosomes")
        article.save_revision().publish()
        topics = ["/zh-hans/news/category/clinical/", "/zh-hans/news/tag/exosomes/"]
        warm(client, topics)
        article.category = None
        article.tags.clear()
        article.save_revision().publish()
        assert_purged(client, topics[:1])
        assert "干细胞新闻1" not in client.get(topics[0]).text
        assert client.get(topics[1]).status_code == 404

    def test_a_new_date_purges_the_articles_it_left(self, site, client):
        _home, index, first, second = site
        third = make_article(index, 3, date=second.date + datetime.timedelta(days=1))
        pages = ["/zh-hans/news/article-2/", "/zh-hans/news/article-3/"]
        warm(client, pages)
        first.date = third.date + datetime.timedelta(days=1)
        first.save_revision().publish()
        # Article 2 had article 1 as previous, article 3 had it as next before it moved; both
        # now link elsewhere.
        assert_purged(client, pages)

    def test_unpublish(self, site, client):
        warm(client, ARTICLE_PATHS + LIST_PATHS)
        site[2].unpublish()
        for path in ARTICLE_PATHS:
            assert client.get(path).status_code == 404
        assert_purged(client, LIST_PATHS)

    def test_move(self, site, client):
        _home, index, article, _second = site
        with translation.override("zh-hans"):
            other = index.add_sibling(
                instance=index.specific_class(
                    title_zh_hans="专题", title_en="Topics", slug_zh_hans="topics", slug_en="topics"
                )
            )
            other.save_revision().publish()
        warm(client, ARTICLE_PATHS + LIST_PATHS)
        article.move(other, pos="last-child")
        for path in ARTICLE_PATHS:
            assert client.get(path).status_code in {301, 302, 404}
        assert_purged(client, LIST_PATHS)
        assert client.get("/zh-hans/topics/article-1/").status_code == 200

    def test_delete(self, site, client):
        warm(client, ARTICLE_PATHS + LIST_PATHS)
        site[2].delete()
        for path in ARTICLE_PATHS:
            assert client.get(path).status_code == 404
        assert_purged(client, LIST_PATHS)

    @pytest.mark.parametrize("change", ["restrict", "lift"])
    def test_a_privacy_change_purges_the_lists(self, site, client, change):
        article = site[2]
        if change == "lift":
            restriction = PageViewRestriction.objects.create(
                page=article, restriction_type=PageViewRestriction.LOGIN
            )
        warm(client, LIST_PATHS)
        if change == "restrict":
            PageViewRestriction.objects.create(
                page=article, restriction_type=PageViewRestriction.LOGIN
            )
        else:
            restriction.delete()
        assert_purged(client, LIST_PATHS)
        listed = "干细胞新闻1" in client.get("/zh-hans/news/").text
        assert listed is (change == "lift")

    def test_scheduled_publish(self, site, client):
        article = site[2]
        article.title_en = "Scheduled headline"
        revision = article.save_revision(approved_go_live_at=timezone.now())
        revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
        revision.save()
        warm(client, ARTICLE_PATHS + LIST_PATHS)
        call_command("publish_scheduled")
        assert_purged(client, ARTICLE_PATHS + LIST_PATHS)
        assert "Scheduled headline" in client.get(ARTICLE_PATHS[1]).text


class TestObjectTriggers:
    def test_site_settings_purge_every_page(self, site, client):
        warm(client, ARTICLE_PATHS + LIST_PATHS + OTHER_ARTICLE)
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.hotline = "400-000-0000"
        settings.save()
        assert_purged(client, ARTICLE_PATHS + LIST_PATHS + OTHER_ARTICLE)
        assert "400-000-0000" in client.get(ARTICLE_PATHS[0]).text

    def test_navigation_purges_every_page(self, site, client):
        warm(client, ARTICLE_PATHS + OTHER_ARTICLE)
        make_contact_page(site[0])
        assert_purged(client, ARTICLE_PATHS + OTHER_ARTICLE)
        assert "/zh-hans/contact/" in client.get(ARTICLE_PATHS[0]).text

    def test_a_disclaimer_purges_the_articles_citing_it_only(self, site, client):
        disclaimer = make_disclaimer()
        article = site[2]
        article.disclaimer = disclaimer
        article.save_revision().publish()
        warm(client, ARTICLE_PATHS + LIST_PATHS)
        disclaimer.text_zh_hans = "新的声明文字。"
        disclaimer.save()
        assert_purged(client, ARTICLE_PATHS + LIST_PATHS)

    def test_a_category_purges_its_articles(self, site, client):
        category = Category.objects.create(name_zh_hans="临床", name_en="Clinical", slug="clinical")
        article = site[2]
        article.category = category
        article.save_revision().publish()
        warm(client, ARTICLE_PATHS + LIST_PATHS)
        category.name_en = "Clinical trials"
        category.save()
        assert_purged(client, ARTICLE_PATHS + LIST_PATHS)

    @pytest.mark.parametrize(
        ("field", "value"), [("name_en", "Stem-cell therapy"), ("name_zh_hans", "干细胞疗法")]
    )
    def test_renaming_a_tag_purges_its_articles_and_pages(self, site, client, field, value):
        tag = ArticleTag.objects.create(name_zh_hans="干细胞", name_en="Stem cells", slug="stem")
        article = site[2]
        article.tags.add(tag)
        article.save_revision().publish()
        warm(client, ARTICLE_PATHS + LIST_PATHS + TAG_PATHS)
        setattr(tag, field, value)
        tag.save()
        assert_purged(client, ARTICLE_PATHS + LIST_PATHS + TAG_PATHS)
        assert value in client.get(TAG_PATHS[0 if field == "name_zh_hans" else 1]).text

    def test_a_new_slug_purges_the_tag_pages_at_the_old_one(self, site, client):
        tag = ArticleTag.objects.create(name_zh_hans="干细胞", name_en="Stem cells", slug="stem")
        article = site[2]
        article.tags.add(tag)
        article.save_revision().publish()
        warm(client, TAG_PATHS)
        tag.slug = "stem-cells"
        tag.save()
        for path in TAG_PATHS:
            assert cache_state(client, path) == (404, None), path

    def test_deleting_a_tag_purges_its_articles_and_pages(self, site, client):
        tag = ArticleTag.objects.create(name_zh_hans="干细胞", name_en="Stem cells", slug="stem")
        article = site[2]
        article.tags.add(tag)
        article.save_revision().publish()
        warm(client, ARTICLE_PATHS + LIST_PATHS + TAG_PATHS)
        tag.delete()
        assert_purged(client, ARTICLE_PATHS + LIST_PATHS)
        for path in TAG_PATHS:
            assert cache_state(client, path) == (404, None), path
        assert "Stem cells" not in client.get(ARTICLE_PATHS[1]).text

    def test_an_unreferenced_snippet_purges_nothing(self, site, client):
        warm(client, ARTICLE_PATHS)
        make_disclaimer(name="未使用")
        for path in ARTICLE_PATHS:
            assert cache_state(client, path) == (200, "hit")


class TestAffectedUrls:
    def test_an_article_names_both_languages_lists_and_category_pages(self, site):
        category = Category.objects.create(name_zh_hans="临床", name_en="Clinical", slug="clinical")
        article = site[2]
        article.category = category
        article.save_revision().publish()
        paths = cache_invalidation.urls_for_page(article)
        assert set(ARTICLE_PATHS + LIST_PATHS + OTHER_ARTICLE) <= paths
        expected = {"/zh-hans/news/category/clinical/", "/en/news/category/clinical/"}
        assert expected | {"/sitemap.xml", "/zh-hans/feed/atom/", "/en/feed/atom/"} <= paths

    def test_a_snippet_reached_through_another_object_follows_it(self, site):
        disclaimer = make_disclaimer()
        article = site[2]
        article.disclaimer = disclaimer
        article.save_revision().publish()
        assert set(ARTICLE_PATHS) <= cache_invalidation.urls_for_object(disclaimer)

    @override_settings(PAGE_CACHE_OBJECT_URLS={"articles.disclaimer": "/{language}/d/{pk}/"})
    def test_objects_with_pages_of_their_own(self, site):
        disclaimer = make_disclaimer()
        paths = cache_invalidation.urls_for_object(disclaimer)
        assert paths == {f"/zh-hans/d/{disclaimer.pk}/", f"/en/d/{disclaimer.pk}/"}


@pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed")
class TestCacheDown:
    def test_pages_are_served_uncached_with_redis_stopped(self, site, client):
        server = RedisServer().start()
        redis_cache = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": 0.1,
            },
        }
        try:
            with override_settings(CACHES={"default": redis_cache}):
                assert cache_state(client, ARTICLE_PATHS[0]) == (200, "miss")
                assert cache_state(client, ARTICLE_PATHS[0]) == (200, "hit")
                server.stop()
                for _ in range(2):
                    assert client.get(ARTICLE_PATHS[0]).status_code == 200
                site[2].save_revision().publish()
        finally:
            server.stop()


class TestLostTokens:
    def test_a_lost_generation_token_never_revives_an_old_copy(self, site, client):
        client.get(ARTICLE_PATHS[0])
        page_cache.page_cache().delete(page_cache.generation_key(ARTICLE_PATHS[0]))
        assert cache_state(client, ARTICLE_PATHS[0]) == (200, "miss")
        assert cache_state(client, ARTICLE_PATHS[0]) == (200, "hit")

    def test_a_new_release_never_serves_the_copies_of_the_old_one(self, site, client, settings):
        warm(client, ARTICLE_PATHS)
        settings.RELEASE = "next-release"
        assert_purged(client, ARTICLE_PATHS)

    def test_a_lost_site_token_never_revives_an_old_copy(self, site, client):
        client.get(ARTICLE_PATHS[0])
        page_cache.page_cache().delete(page_cache.site_generation_key())
        assert cache_state(client, ARTICLE_PATHS[0]) == (200, "miss")
