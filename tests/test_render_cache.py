"""Cached article fragments: reused while nothing changed, never across revisions or previews."""

import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page, ReferenceIndex
from wagtail.test.utils.form_data import rich_text

from articles.models import ArticlePage
from common import render_cache
from publisher.models import SiteSettings
from registry.models import ClinicalTrial
from tests.admin_forms import form_data
from tests.factories import make_article, paragraph
from tests.test_article_page import news_article

pytestmark = pytest.mark.django_db

ZH_PATH = "/zh-hans/news/article-1/"
EN_PATH = "/en/news/article-1-en/"


@pytest.fixture
def article(site_tree):
    """A published article: 正文1 in Chinese, Body 1 in English."""
    _home, index = site_tree
    return make_article(index, 1)


def page_text(client, path=ZH_PATH, **headers):
    """The page's HTML."""
    response = client.get(path, **headers)
    assert response.status_code == 200
    return response.text


def change_body_silently(article, text):
    """Rewrite the live body in the database without any signal (what a purge would miss)."""
    ArticlePage.objects.filter(pk=article.pk).update(body_zh_hans=paragraph(text))


class TestReuse:
    def test_an_unchanged_article_reuses_its_body(self, client, article):
        page_text(client)
        change_body_silently(article, "新正文")
        html = page_text(client)
        assert "正文1" in html
        assert "新正文" not in html

    def test_languages_are_kept_apart(self, client, article):
        assert "正文1" in page_text(client, ZH_PATH)
        assert "Body 1" in page_text(client, EN_PATH)
        assert news_article(client.get(EN_PATH))["headline"] == "Stem cell news 1"
        assert news_article(client.get(ZH_PATH))["headline"] == "干细胞新闻1"

    def test_hosts_are_kept_apart(self, client, article):
        page_text(client)
        data = news_article(client.get(ZH_PATH, HTTP_HOST="mirror.example.cn"))
        assert data["mainEntityOfPage"] == f"http://mirror.example.cn{ZH_PATH}"

    def test_schemes_are_kept_apart(self, client, article):
        page_text(client)
        data = news_article(client.get(ZH_PATH, secure=True))
        assert data["mainEntityOfPage"] == f"https://testserver{ZH_PATH}"


class TestInvalidation:
    def test_a_new_revision_renders_afresh(self, client, article):
        page_text(client)
        article.body_zh_hans = paragraph("新正文")
        article.save_revision().publish()
        assert "新正文" in page_text(client)

    def test_a_settings_change_reaches_the_json_ld(self, client, article):
        page_text(client)
        site_settings = SiteSettings.objects.get()
        site_settings.site_name_zh_hans = "新站名"
        site_settings.save()
        assert news_article(client.get(ZH_PATH))["publisher"]["name"] == "新站名"

    # Without pages of its own, a record reaches articles only through their citations.
    @override_settings(PAGE_CACHE_OBJECT_URLS={})
    def test_a_cited_record_change_renders_the_citing_bodies_afresh(self, client, article):
        trial = ClinicalTrial.objects.create(registry_id="NCT12345678", title_zh_hans="试验")
        cite(article, trial)
        page_text(client)
        change_body_silently(article, "新正文")
        trial.status = "COMPLETED"
        trial.save()
        assert "新正文" in page_text(client)

    @override_settings(PAGE_CACHE_OBJECT_URLS={})
    def test_an_uncited_record_change_keeps_the_fragments(self, client, article):
        trial = ClinicalTrial.objects.create(registry_id="NCT12345678", title_zh_hans="试验")
        page_text(client)
        change_body_silently(article, "新正文")
        trial.save()
        assert "新正文" not in page_text(client)

    def test_a_lost_version_token_never_revives_old_fragments(self, client, article):
        page_text(client)
        change_body_silently(article, "新正文")
        render_cache.render_cache().delete(render_cache.version_key())
        assert "新正文" in page_text(client)

    def test_a_new_release_never_reads_the_fragments_of_the_old_one(
        self, client, article, settings
    ):
        page_text(client)
        change_body_silently(article, "新正文")
        settings.RELEASE = "next-release"
        assert "新正文" in page_text(client)


class TestEditors:
    def test_a_preview_shows_the_draft_not_the_cached_body(self, admin_client, client, article):
        page_text(client)
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
        data = form_data(body_zh=[("paragraph", rich_text("草稿正文"))])
        assert admin_client.post(url, data).json()["is_valid"]
        preview = admin_client.get(url, {"mode": "zh-hans"}).content.decode()
        assert "草稿正文" in preview
        assert "正文1" not in preview
        # Readers still get the live body; the preview stored nothing they could reach.
        html = page_text(client)
        assert "正文1" in html
        assert "草稿正文" not in html

    def test_a_signed_in_editor_sees_the_live_revision(self, admin_client, client, article):
        page_text(client)
        article.body_zh_hans = paragraph("新正文")
        article.save_revision().publish()
        article.body_zh_hans = paragraph("未发布的草稿")
        article.save_revision()
        html = page_text(admin_client)
        assert "新正文" in html
        assert "未发布的草稿" not in html


def cite(article, record):
    """Record in Wagtail's reference index that the article's body cites `record`.

    The citing blocks are not on this branch; this is the row such a block's citation makes.
    """
    page_type = ContentType.objects.get_for_model(Page)
    path = f"body_zh_hans.{uuid.uuid4()}.trial"
    ReferenceIndex.objects.create(
        content_type=ContentType.objects.get_for_model(ArticlePage),
        base_content_type=page_type,
        object_id=str(article.pk),
        to_content_type=ContentType.objects.get_for_model(record),
        to_object_id=str(record.pk),
        model_path="body_zh_hans.trial.trial",
        content_path=path,
        content_path_hash=ReferenceIndex._get_content_path_hash(path),
    )
