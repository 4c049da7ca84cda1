"""Editors see both languages of each translated field next to each other."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db


class FieldRowParser(HTMLParser):
    """Collects the names of the form fields inside each `w-field-row` element."""

    def __init__(self):
        super().__init__()
        self.rows = []
        self.open_divs = []  # True where the div opened a row

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div":
            is_row = "w-field-row" in (attrs.get("class") or "").split()
            self.open_divs.append(is_row)
            if is_row:
                self.rows.append(set())
        elif attrs.get("name") and any(self.open_divs):
            self.rows[-1].add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "div" and self.open_divs:
            self.open_divs.pop()


def field_rows(html):
    """The sets of form fields that share one row of the edit form."""
    parser = FieldRowParser()
    parser.feed(html)
    return parser.rows


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
    # The bodies, each in a tab of its own, share no row.
    assert not any({"body_zh_hans", "body_en"} <= row for row in field_rows(html))


def test_admin_stylesheet_widens_translated_rows(editor, site_tree):
    _home, index = site_tree
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(index.pk,))).text
    assert "css/admin.css" in html
