"""Tags in the admin: a snippet with both names and a slug, and the article form's tag field."""

import html as html_module
import re

import pytest
from modelcluster.contrib import taggit as cluster_taggit
from taggit.managers import _TaggableManager

from articles.checks import check_tag_manager
from articles.models import ArticlePage, ArticleTag
from tests.admin_forms import edit, form_data

pytestmark = pytest.mark.django_db

TAGS = "/admin/snippets/articles/articletag/"


@pytest.fixture
def chinese_admin(client, django_user_model):
    """A logged-in superuser with the admin in Chinese (the default)."""
    user = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def stem_cells(db):
    return ArticleTag.objects.create(name_zh_hans="干细胞", name_en="Stem cells", slug="stem-cells")


def loaded_row(client, url):
    """The fingerprint the edit form carries of the row it was loaded from."""
    return re.search(r'name="loaded_row" value="([^"]*)"', client.get(url).text)[1]


class TestTagSnippet:
    def test_the_listing_shows_both_names_and_the_slug(self, chinese_admin, stem_cells):
        html = chinese_admin.get(TAGS).text
        assert "名称（中文）" in html
        assert "名称（English）" in html
        for shown in ("干细胞", "Stem cells", "stem-cells"):
            assert shown in html

    def test_the_listing_finds_the_tags_without_an_english_name(self, chinese_admin, stem_cells):
        ArticleTag.objects.create(name_zh_hans="心脏病", slug="heart-disease")
        html = chinese_admin.get(TAGS, {"english_name": "missing"}).text
        assert "心脏病" in html
        assert "Stem cells" not in html

    def test_an_editor_adds_a_tag_with_both_names(self, chinese_admin):
        response = chinese_admin.post(
            f"{TAGS}add/",
            {"name_zh_hans": "抑郁症", "name_en": "Depression", "slug": "depression"},
        )
        assert response.status_code == 302
        tag = ArticleTag.objects.get(slug="depression")
        assert (tag.name_zh_hans, tag.name_en) == ("抑郁症", "Depression")

    def test_the_english_name_may_wait(self, chinese_admin):
        response = chinese_admin.post(
            f"{TAGS}add/", {"name_zh_hans": "抑郁症", "slug": "depression"}
        )
        assert response.status_code == 302
        assert not ArticleTag.objects.get(slug="depression").name_en

    def test_an_editor_renames_a_tag_in_english(self, chinese_admin, stem_cells):
        url = f"{TAGS}edit/{stem_cells.pk}/"
        data = {"name_zh_hans": "干细胞", "name_en": "Stem-cell therapy", "slug": "stem-cells"}
        response = chinese_admin.post(url, data | {"loaded_row": loaded_row(chinese_admin, url)})
        assert response.status_code == 302
        stem_cells.refresh_from_db()
        assert stem_cells.name_en == "Stem-cell therapy"

    def test_saved_in_the_english_admin_the_plain_name_stays_chinese(
        self, english_admin, stem_cells
    ):
        url = f"{TAGS}edit/{stem_cells.pk}/"
        data = {"name_zh_hans": "干细胞", "name_en": "Stem-cell therapy", "slug": "stem-cells"}
        english_admin.post(url, data | {"loaded_row": loaded_row(english_admin, url)})
        # An ASCII Chinese name may equal another tag's English one.
        ArticleTag.objects.create(name_zh_hans="Stem-cell therapy", slug="therapy")
        assert ArticleTag.objects.values_list("name", flat=True).get(pk=stem_cells.pk) == "干细胞"

    @pytest.mark.parametrize("slug", ["stem cells", "干细胞/治疗", "a&b"])
    def test_a_bad_slug_is_refused_in_chinese(self, chinese_admin, slug):
        response = chinese_admin.post(f"{TAGS}add/", {"name_zh_hans": "抑郁症", "slug": slug})
        assert response.status_code == 200
        assert "网址别名只能由字母、数字、连字符和下划线组成，不能有空格。" in response.text
        assert not ArticleTag.objects.exists()

    def test_a_slug_another_tag_has_is_refused(self, chinese_admin, stem_cells):
        response = chinese_admin.post(
            f"{TAGS}add/", {"name_zh_hans": "抑郁症", "slug": "stem-cells"}
        )
        assert response.status_code == 200
        assert ArticleTag.objects.count() == 1


class TestArticleTagField:
    def test_the_tag_field_autocompletes_from_article_tags(
        self, chinese_admin, article, stem_cells
    ):
        html = chinese_admin.get(f"/admin/pages/{article.pk}/edit/").text
        assert 'data-w-tag-url-value="/admin/tag-autocomplete/articles/articletag/"' in html
        found = chinese_admin.get("/admin/tag-autocomplete/articles/articletag/", {"term": "干"})
        assert found.json() == ["干细胞"]

    def test_typed_tags_link_existing_tags_and_create_new_ones(
        self, chinese_admin, article, stem_cells
    ):
        response = edit(chinese_admin, article, form_data(tags="干细胞, 抑郁症"))
        assert response.status_code == 302
        tags = ArticlePage.objects.get(pk=article.pk).tags.order_by("pk")
        assert [(tag.pk, tag.name_zh_hans) for tag in tags] == [
            (stem_cells.pk, "干细胞"),
            (ArticleTag.objects.get(name_zh_hans="抑郁症").pk, "抑郁症"),
        ]

    def test_in_the_english_admin_an_english_name_finds_its_tag(
        self, english_admin, article, stem_cells
    ):
        response = edit(english_admin, article, form_data(tags="Stem cells, Depression"))
        assert response.status_code == 302
        assert set(ArticlePage.objects.get(pk=article.pk).tags.all()) == {
            stem_cells,
            ArticleTag.objects.get(name_zh_hans="Depression"),
        }
        assert ArticleTag.objects.count() == 2

    def test_the_english_admin_shows_the_tags_it_saves_again_unchanged(
        self, english_admin, article, stem_cells
    ):
        untranslated = ArticleTag.objects.create(name_zh_hans="心脏病", slug="heart-disease")
        article.tags.add(stem_cells, untranslated)
        article.save_revision().publish()
        html = english_admin.get(f"/admin/pages/{article.pk}/edit/").text
        shown = html_module.unescape(re.search(r'name="tags" value="([^"]*)"', html)[1])
        assert shown == '"Stem cells", 心脏病'
        edit(english_admin, article, form_data(tags=shown))
        assert set(ArticlePage.objects.get(pk=article.pk).tags.all()) == {stem_cells, untranslated}
        assert ArticleTag.objects.count() == 2


class TestStartupCheck:
    """The tag field extends a private modelcluster method; an upgrade that changes it is caught."""

    def test_passes_with_the_installed_modelcluster(self):
        assert check_tag_manager(None) == []

    def test_fails_when_the_method_is_gone(self, monkeypatch):
        monkeypatch.delattr(_TaggableManager, "_to_tag_model_instances")
        assert [error.id for error in check_tag_manager(None)] == ["articles.E001"]

    def test_fails_when_its_signature_changes(self, monkeypatch):
        monkeypatch.setattr(
            cluster_taggit._ClusterTaggableManager, "_to_tag_model_instances", lambda self, tags: []
        )
        assert [error.id for error in check_tag_manager(None)] == ["articles.E001"]
