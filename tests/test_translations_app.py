"""The translations app: our page models route and validate with our code, checked at startup;
one pagination rule everywhere; admin actions that respect permissions; feeds safe to share."""

import pytest
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail_modeltranslation import patch_wagtailadmin

from articles.feeds import ArticlesFeed
from articles.forms import ArticlePageForm
from articles.models import ArticlePage, NewsIndexPage
from cms.forms import ContactPageForm
from cms.models import ContactPage, HomePage
from common.pagination import paginate
from tests.factories import make_article
from translations.adoption import translated_page_models
from translations.checks import check_adoption
from translations.forms import TranslatedPageForm
from translations.models import TranslatedPage
from translations.wagtail_hooks import start_english_button


class TestAdoption:
    """wagtail-modeltranslation's per-model overrides are undone for our models, and checked."""

    def test_every_page_model_of_ours_is_a_translated_page(self):
        assert set(translated_page_models()) == {HomePage, NewsIndexPage, ArticlePage, ContactPage}

    @pytest.mark.parametrize("model", [HomePage, NewsIndexPage, ArticlePage, ContactPage])
    def test_our_models_route_with_our_indexed_route(self, model):
        assert model.route is TranslatedPage.route

    @pytest.mark.parametrize(
        ("model", "form"),
        [
            (HomePage, TranslatedPageForm),
            (NewsIndexPage, TranslatedPageForm),
            (ArticlePage, ArticlePageForm),
            (ContactPage, ContactPageForm),
        ],
    )
    def test_our_models_keep_their_own_admin_form(self, model, form):
        assert model.base_form_class is form

    def test_the_contact_form_keeps_the_form_page_checks(self):
        assert issubclass(ContactPage.base_form_class, WagtailAdminFormPageForm)

    def test_the_startup_check_passes(self):
        assert check_adoption(None) == []

    @pytest.mark.parametrize("name", ["_new_route", "_patch_clean", "_validate_slugs"])
    def test_the_startup_check_fails_when_upstream_changes(self, monkeypatch, name):
        monkeypatch.delattr(patch_wagtailadmin, name)
        assert [error.id for error in check_adoption(None)] == ["translations.E001"]

    def test_the_startup_check_fails_when_a_model_routes_with_upstream(self, monkeypatch):
        monkeypatch.setattr(ArticlePage, "route", patch_wagtailadmin._new_route)
        assert [error.id for error in check_adoption(None)] == ["translations.E002"]


class TestPagination:
    """Every list turns a page number into a page the same way."""

    ITEMS = list(range(25))

    @pytest.mark.parametrize(
        ("number", "first"),
        [
            ("1", 0),
            ("2", 10),
            ("3", 20),
            ("0", 0),
            ("-1", 0),
            ("x", 0),
            ("", 0),
            ("1.5", 0),
            ("99999", 20),
            ("9" * 40, 20),
        ],
    )
    def test_any_number_gives_a_sensible_page(self, number, first):
        request = RequestFactory().get("/", {"page": number})
        assert paginate(request, self.ITEMS, 10).object_list[0] == first

    def test_no_number_gives_the_first_page(self):
        assert paginate(RequestFactory().get("/"), self.ITEMS, 10).number == 1

    def test_an_empty_list_has_one_empty_page(self):
        page = paginate(RequestFactory().get("/", {"page": "3"}), [], 10)
        assert (page.number, list(page.object_list)) == (1, [])

    @pytest.mark.django_db
    def test_search_and_news_index_agree_on_page_zero(self, client, site_tree):
        _home, index = site_tree
        for n in range(1, 13):
            make_article(index, n)
        news = client.get("/zh-hans/news/", {"page": "0"})
        search = client.get("/zh-hans/search/", {"q": "干细胞新闻", "page": "0"})
        assert news.context["articles"].number == 1
        assert search.context["results"].number == 1


@pytest.mark.django_db
class TestStartEnglish:
    """'Start English from Chinese' is for people who may edit the article."""

    @pytest.fixture
    def untranslated(self, site_tree):
        _home, index = site_tree
        return make_article(index, 1, en=False)

    @pytest.fixture
    def reader_of_admin(self, client, django_user_model):
        user = django_user_model.objects.create_user("visitor", password="pw")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        return client

    def test_someone_who_cannot_edit_is_refused_with_a_message(self, reader_of_admin, untranslated):
        revisions = untranslated.revisions.count()
        response = reader_of_admin.post(
            reverse("start_english", args=[untranslated.pk]), follow=True
        )
        with translation.override("zh-hans"):
            assert "对不起， 你没有权限访问。" in response.text
        assert untranslated.revisions.count() == revisions

    def test_the_button_is_offered_only_to_editors(self, django_user_model, untranslated):
        visitor = django_user_model.objects.create_user("visitor", password="pw")
        admin = django_user_model.objects.create_superuser("boss", password="pw")
        assert list(start_english_button(untranslated, visitor)) == []
        assert len(list(start_english_button(untranslated, admin))) == 1


@pytest.mark.django_db
class TestFeed:
    """One feed object serves every request: it keeps nothing of any of them."""

    def test_the_shared_feed_keeps_no_request(self, client, article):
        feed = ArticlesFeed()
        request = RequestFactory().get("/zh-hans/feed/")
        with translation.override("zh-hans"):
            response = feed(request)
        assert response.status_code == 200
        assert "/zh-hans/news/article-1/" in response.text
        assert not hasattr(feed, "request")
