"""Editors: Chinese plain columns whatever the admin language, ASCII slugs, translation state."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticlePage
from tests.admin_forms import edit, form_data, plain_columns
from tests.factories import make_article

pytestmark = pytest.mark.django_db


class TestEnglishAdmin:
    """An editor whose admin is in English still stores Chinese in the plain columns."""

    def test_publishing_keeps_the_plain_columns_chinese(self, english_admin, article):
        data = form_data(title_en="Renamed in English", slug_en="renamed", title_zh_hans="新标题")
        assert edit(english_admin, article, data).status_code == 302
        title, slug, url_path, draft_title = plain_columns(article)
        assert (title, slug, draft_title) == ("新标题", "article-1", "新标题")
        assert url_path.endswith("/news/article-1/")

    def test_english_slug_change_in_the_admin_redirects(self, english_admin, client, article):
        edit(english_admin, article, form_data(slug_en="renamed"))
        response = client.get("/en/news/article-1-en/")
        assert (response.status_code, response["Location"]) == (301, "/en/news/renamed/")

    def test_an_empty_chinese_slug_is_suggested_as_pinyin(self, english_admin, article):
        edit(english_admin, article, form_data(title_zh_hans="干细胞新药", slug_zh_hans=""))
        assert ArticlePage.objects.get(pk=article.pk).slug_zh_hans == "gan-xi-bao-xin-yao"

    def test_a_slug_used_by_a_sibling_is_refused(self, english_admin, article):
        make_article(article.get_parent(), 2, slug_en="taken")
        response = edit(english_admin, article, form_data(slug_en="taken"))
        assert response.status_code == 200
        assert "This slug is already in use" in response.text

    @pytest.mark.parametrize("language", ["zh_hans", "en"])
    @pytest.mark.parametrize("publish", [True, False], ids=["publish", "draft"])
    def test_a_suggested_slug_a_sibling_uses_gets_a_number(
        self, english_admin, article, language, publish
    ):
        make_article(article.get_parent(), 2, slug_zh_hans="gan-xi-bao", slug_en="stem-cell")
        make_article(article.get_parent(), 3, slug_zh_hans="gan-xi-bao-2", slug_en="stem-cell-2")
        title = {"zh_hans": "干细胞", "en": "Stem cell"}[language]
        data = form_data(**{f"slug_{language}": "", f"title_{language}": title})
        if not publish:
            del data["action-publish"]
        assert edit(english_admin, article, data).status_code == 302
        if not publish:
            ArticlePage.objects.get(pk=article.pk).get_latest_revision().publish()
        expected = {"zh_hans": "gan-xi-bao-3", "en": "stem-cell-3"}[language]
        assert getattr(ArticlePage.objects.get(pk=article.pk), f"slug_{language}") == expected

    def test_a_typed_chinese_slug_is_refused(self, english_admin, article):
        response = edit(english_admin, article, form_data(slug_zh_hans="新药"))
        assert response.status_code == 200
        assert "Use only lower-case Latin letters, digits and hyphens" in response.text
        assert "xin-yao" in response.text


@pytest.fixture
def three_states(site_tree):
    """A translated article, an untranslated one and one whose Chinese changed after the English."""
    _home, index = site_tree
    current = make_article(index, 1, title_zh_hans="已翻译")
    missing = make_article(index, 2, en=False, title_zh_hans="未翻译")
    stale = make_article(index, 3, title_zh_hans="中文已更新")
    stale = ArticlePage.objects.get(pk=stale.pk)
    stale.summary_zh_hans = "改过的摘要"
    stale.save_revision().publish()
    return current, missing, stale


class TestTranslationState:
    """Each language's last change is recorded; listings and the report show the state."""

    def test_changing_only_chinese_marks_the_english_as_older(self, three_states):
        current, _missing, stale = three_states
        current = ArticlePage.objects.get(pk=current.pk)
        stale = ArticlePage.objects.get(pk=stale.pk)
        assert current.zh_hans_changed_at == current.en_changed_at
        assert stale.zh_hans_changed_at > stale.en_changed_at

    def test_changing_the_english_brings_it_up_to_date(self, three_states):
        _current, _missing, stale = three_states
        stale = ArticlePage.objects.get(pk=stale.pk)
        stale.summary_en = "Updated summary"
        stale.save_revision().publish()
        stale.refresh_from_db()
        assert stale.en_changed_at > stale.zh_hans_changed_at
        assert stale.en_changed_at <= timezone.now()

    @pytest.mark.parametrize(
        ("state", "shown", "hidden"),
        [
            ("missing", ["未翻译"], ["已翻译", "中文已更新"]),
            ("stale", ["中文已更新"], ["已翻译", "未翻译"]),
            ("translated", ["已翻译"], ["未翻译", "中文已更新"]),
        ],
    )
    def test_article_listing_filters_by_state(
        self,
        english_admin,
        three_states,
        state,
        shown,
        hidden,
    ):
        response = english_admin.get(reverse("article_listing:index"), {"translation_state": state})
        assert response.status_code == 200
        for title in shown:
            assert title in response.text
        for title in hidden:
            assert title not in response.text

    def test_article_listing_has_a_state_column(self, english_admin, three_states):
        response = english_admin.get(reverse("article_listing:index"))
        for label in ("No English version", "Chinese changed after English", "Translated"):
            assert label in response.text

    def test_report_lists_missing_and_stale_translations(self, english_admin, three_states):
        response = english_admin.get(reverse("translation_report"))
        assert response.status_code == 200
        assert "未翻译" in response.text
        assert "中文已更新" in response.text
        assert "已翻译" not in response.text


class TestStartEnglish:
    """One click copies the Chinese into the empty English fields as a draft."""

    def test_start_english_fills_a_draft(self, english_admin, site_tree):
        _home, index = site_tree
        article = make_article(index, 1, en=False, title_zh_hans="未翻译")
        edit_page = english_admin.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
        url = reverse("start_english", args=[article.pk])
        assert url in edit_page.text
        assert english_admin.get(url).status_code == 200
        response = english_admin.post(url)
        assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[article.pk])
        draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
        assert (draft.title_en, draft.summary_en) == ("未翻译", "摘要1")
        assert [block.block_type for block in draft.body_en] == ["paragraph"]
        assert not ArticlePage.objects.get(pk=article.pk).translated_en

    def test_start_english_keeps_existing_english(self, english_admin, site_tree):
        _home, index = site_tree
        article = make_article(index, 1, en=False, title_en="My title")
        english_admin.post(reverse("start_english", args=[article.pk]))
        draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
        assert draft.title_en == "My title"
