"""Every page type renders in both languages."""

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "expected"), [("zh-hans", "首页"), ("en", "Home")])
def test_home_page_renders_in_each_language(client, site_tree, lang, expected):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.text
    assert expected in response.text


@pytest.mark.parametrize(
    ("lang", "title"), [("zh-hans", "干细胞新闻1"), ("en", "Stem cell news 1")]
)
def test_article_renders_in_each_language(client, site_tree, lang, title):
    _home, index = site_tree
    article = make_article(index, 1)
    article.refresh_from_db()
    from django.utils import translation

    with translation.override(lang):
        url = article.get_url()
    response = client.get(url)
    assert response.status_code == 200
    assert title in response.text
