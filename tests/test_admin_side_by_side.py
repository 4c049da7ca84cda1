"""Editors see both languages of each translated field next to each other."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def field_rows(html):
    """The sets of form fields that share one row of the edit form."""
    rows = re.split(r'<div class="w-field-row', html)[1:]
    return [set(re.findall(r'name="([a-z_]+)"', row.split("</fieldset>")[0])) for row in rows]


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "", "pw"))
    return client


@pytest.mark.parametrize("field", ["title", "summary"])
def test_article_languages_share_a_row(editor, site_tree, field):
    _home, index = site_tree
    article = make_article(index, 1)
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).text
    assert any({f"{field}_zh_hans", f"{field}_en"} <= row for row in field_rows(html))
    # Fields laid out one under the other (the slugs in the promote tab) share no row.
    assert not any({"slug_zh_hans", "slug_en"} <= row for row in field_rows(html))


def test_admin_stylesheet_widens_translated_rows(editor, site_tree):
    _home, index = site_tree
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(index.pk,))).text
    assert "css/admin.css" in html
