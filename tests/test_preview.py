"""Editors preview each language's draft exactly as readers will see it."""

import pytest
from django.urls import reverse

from tests.admin_forms import form_data
from tests.factories import DISCLAIMER_EN, DISCLAIMER_ZH, make_article, make_contact_page

pytestmark = pytest.mark.django_db


def preview(client, page, data, mode):
    """Post the edit form's `data` to the live preview, then fetch it in `mode`."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(url, data).json()["is_valid"]
    return client.get(url, {"mode": mode})


@pytest.fixture
def draft(english_admin):
    """The edit form of article 1 with an English title that differs from the live one."""
    return form_data(title_en="Draft English headline")


class TestArticlePreview:
    def test_modes_offer_each_language(self, article):
        modes = article.preview_modes
        assert modes == [("zh-hans", "简体中文"), ("en", "English")]
        assert article.default_preview_mode == "zh-hans"

    def test_english_mode_shows_the_english_draft(self, english_admin, site_tree, draft):
        _home, index = site_tree
        first = make_article(index, 1)
        make_article(index, 2)
        html = preview(english_admin, first, draft, "en").content.decode()
        assert "Draft English headline" in html
        assert '<html lang="en"' in html
        assert DISCLAIMER_EN in html
        assert DISCLAIMER_ZH not in html
        # Previous/next: the neighbour in English, at its English address.
        assert "Stem cell news 2" in html
        assert "/en/news/article-2-en/" in html

    def test_chinese_mode_shows_the_chinese_draft(self, english_admin, site_tree, draft):
        _home, index = site_tree
        first = make_article(index, 1)
        make_article(index, 2)
        html = preview(english_admin, first, draft, "zh-hans").content.decode()
        assert "干细胞新闻1" in html
        assert "Draft English headline" not in html
        assert DISCLAIMER_ZH in html
        assert "干细胞新闻2" in html
        assert "/zh-hans/news/article-2/" in html

    def test_an_unknown_mode_falls_back_to_chinese(self, english_admin, article, draft):
        html = preview(english_admin, article, draft, "klingon").content.decode()
        assert "干细胞新闻1" in html

    def test_the_preview_leaves_the_admin_language_alone(self, english_admin, article, draft):
        preview(english_admin, article, draft, "zh-hans")
        response = english_admin.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
        assert "Publish" in response.content.decode()


class TestContactPreview:
    def test_form_and_landing_page_in_each_language(self, site_tree):
        home, _index = site_tree
        page = make_contact_page(home)
        assert [mode for mode, _label in page.preview_modes] == [
            "form.zh-hans",
            "form.en",
            "landing.zh-hans",
            "landing.en",
        ]
        assert "Call or write to us." in page.make_preview_request(None, "form.en").content.decode()
        assert "欢迎来电咨询。" in page.make_preview_request(None, "form.zh-hans").content.decode()
        landing = page.make_preview_request(None, "landing.en").content.decode()
        assert "Thank you for your message!" in landing
