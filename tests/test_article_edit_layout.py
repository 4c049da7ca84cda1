"""Long articles: short fields side by side, each body at full width in a tab with its state."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from articles.models import ArticlePage
from tests.admin_forms import edit, form_data
from tests.factories import make_article
from tests.test_admin_side_by_side import field_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def chinese_editor(client, django_user_model):
    """An editor (Editors group) using the admin in its default language, Chinese."""
    user = django_user_model.objects.create_user("bianji", "bianji@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.fixture
def articles(site_tree):
    """A translated article, one with no English and one whose Chinese changed after the English."""
    _home, index = site_tree
    translated = make_article(index, 1)
    missing = make_article(index, 2, en=False)
    stale = ArticlePage.objects.get(pk=make_article(index, 3).pk)
    stale.summary_zh_hans = "改过的摘要"
    stale.save_revision().publish()
    return {"translated": translated, "missing": missing, "stale": stale}


def edit_page(client, article):
    """The article's admin edit view, as HTML."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize(
    ("state", "english_tab"),
    [
        ("translated", "英文正文（已翻译）"),
        ("missing", "英文正文（无英文版）"),
        ("stale", "英文正文（中文已更新，英文待同步）"),
    ],
)
def test_each_body_has_a_tab_named_with_the_english_state(
    chinese_editor, articles, state, english_tab
):
    html = edit_page(chinese_editor, articles[state])
    assert 'role="tab"' in html
    assert "中文正文</" in html or "中文正文\n" in html
    assert english_tab in html


def test_the_english_tab_shows_the_state_and_the_chinese_body_for_reference(
    chinese_editor, articles
):
    html = edit_page(chinese_editor, articles["stale"])
    assert "中文正文（供对照）" in html
    assert "正文3" in html.split("中文正文（供对照）", 1)[1]
    assert "中文最后修改于" in html
    assert "英文最后修改于" in html


def test_bodies_are_edited_one_language_at_a_time_at_full_width(chinese_editor, articles):
    rows = field_rows(edit_page(chinese_editor, articles["translated"]))
    assert not any({"body_zh_hans", "body_en"} & row for row in rows)
    for field in ("title", "summary", "slug", "seo_title", "search_description"):
        assert any({f"{field}_zh_hans", f"{field}_en"} <= row for row in rows), field


def test_an_article_with_no_english_says_so_under_the_reference(chinese_editor, articles):
    html = edit_page(chinese_editor, articles["missing"])
    assert "无英文版" in html


def test_the_new_article_form_has_the_tabs_but_no_state(chinese_editor, site_tree):
    _home, index = site_tree
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    html = chinese_editor.get(url).text
    assert "英文正文" in html
    assert "英文正文（" not in html
    assert "这一语言还没有内容。" in html


def test_the_tabbed_form_still_saves_both_languages(english_admin, articles):
    article = articles["translated"]
    data = form_data(
        body_zh=[("paragraph", rich_text("新的中文正文"))],
        **{"action-publish": "action-publish"},
    )
    response = edit(english_admin, article, data)
    assert response.status_code == 302, response.text[:2000]
    article.refresh_from_db()
    assert "新的中文正文" in str(article.body_zh_hans)
    assert "Body one" in str(article.body_en)


def test_the_english_admin_names_the_tabs_in_english(english_admin, articles):
    html = edit_page(english_admin, articles["translated"])
    assert "Chinese body" in html
    assert "English body (Translated)" in html


def widening_selectors(css):
    """The selectors of the admin stylesheet's rules that widen the form."""
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    return [
        selector.strip()
        for selectors, body in rules
        if "max-width" in body and "none" not in body
        for selector in selectors.split(",")
        if ".w-form-width" in selector
    ]


def test_every_widened_form_yields_to_the_preview_panel():
    css = (settings.BASE_DIR / "static" / "css" / "admin.css").read_text()
    selectors = widening_selectors(css)
    wide = [s for s in selectors if not s.startswith(".side-panel-open ")]
    yielding = {s.removeprefix(".side-panel-open ") for s in selectors if s not in wide}
    assert '.w-form-width:has([data-contentpath^="body_"])' in wide
    assert set(wide) == yielding
