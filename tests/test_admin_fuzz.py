"""Every admin form of our models answers a malformed post with a form error, never a 5xx."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html, streamfield

from articles.models import Category
from cms.models import MAX_FORM_FIELDS, FormField
from tests.admin_forms import form_data
from tests.factories import make_article, make_contact_page, make_disclaimer, make_site
from tests.test_site_chrome import settings_form

pytestmark = pytest.mark.django_db


# A Draftail link whose page id is not a number.
BAD_ENTITY = json.dumps(
    {
        "blocks": [
            {
                "key": "a",
                "text": "x",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 1, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"id": "abc", "url": "/x/"}}
        },
    }
)
DROP = object()
# What a broken client or a hostile editor may send in place of a number, a date or an id.
NUMBERS = {
    "dropped": DROP,
    "letters": "abc",
    "negative": "-1",
    "absurd": "9" * 40,
    "nul": "1\x00",
}
COUNTS = NUMBERS | {"empty": "", "huge": "99999999"}
TEXTS = {"dropped": DROP, "nul": "a\x00b", "huge": "字" * 20_000}
RICH_TEXTS = TEXTS | {"not-json": "{not json", "entity-id": BAD_ENTITY, "list": "[1, 2, 3]"}

# The fields tried on each form, by kind.
FIELDS = {
    "article": {
        "texts": ["title_zh_hans", "slug_en", "summary_en", "tags", "source"],
        "numbers": ["category", "lead_image", "disclaimer", "date", "last_reviewed", "go_live_at"],
        "counts": ["body_zh_hans-count", "body_en-count", "comments-TOTAL_FORMS"],
        "rich_texts": [],
    },
    "news index": {
        "texts": ["title_zh_hans", "slug_zh_hans"],
        "numbers": [],
        "counts": [],
        "rich_texts": ["intro_zh_hans", "intro_en"],
    },
    "home": {
        "texts": ["title_en", "slug_en"],
        "numbers": [],
        "counts": [],
        "rich_texts": ["intro_zh_hans"],
    },
    "contact": {
        "texts": ["to_address", "form_fields-0-label_zh_hans", "form_fields-1-field_type"],
        "numbers": ["form_fields-0-id", "form_fields-2-ORDER", "form_fields-3-id"],
        "counts": [
            "form_fields-TOTAL_FORMS",
            "form_fields-INITIAL_FORMS",
            "form_fields-MIN_NUM_FORMS",
            "form_fields-MAX_NUM_FORMS",
        ],
        "rich_texts": ["thank_you_text_en"],
    },
    "site settings": {
        "texts": ["site_name_zh_hans", "default_disclaimer_en", "email"],
        "numbers": ["logo"],
        "counts": ["social_links-count", "social_links-0-order"],
        "rich_texts": [],
    },
    "disclaimer": {
        "texts": ["name", "text_zh_hans", "text_en"],
        "numbers": [],
        "counts": [],
        "rich_texts": [],
    },
    "category": {
        "texts": ["name_zh_hans", "slug"],
        "numbers": [],
        "counts": [],
        "rich_texts": [],
    },
}
KINDS = {"texts": TEXTS, "numbers": NUMBERS, "counts": COUNTS, "rich_texts": RICH_TEXTS}


def corpus():
    """(form, field, value) for every malformed post tried."""
    for form, kinds in FIELDS.items():
        for kind, names in kinds.items():
            for name in names:
                for label, value in KINDS[kind].items():
                    yield pytest.param(form, name, value, id=f"{form}:{name}:{label}")
    # Values inside the article body's blocks.
    for label, body in {
        "table-list": [("table", {"caption": "表", "table": "[1, 2, 3]", "source": ""})],
        "paragraph-entity-id": [("paragraph", BAD_ENTITY)],
    }.items():
        yield pytest.param("article", "body", body, id=f"article:body:{label}")


CORPUS = list(corpus())


@pytest.fixture(scope="class")
def admin_forms(class_db):
    """The URL and a valid post of each admin form, built once for the class."""
    home, index = make_site()
    article = make_article(index, 1)
    contact = make_contact_page(home)
    disclaimer = make_disclaimer()
    category = Category.objects.create(name_zh_hans="临床试验", name_en="Trials", slug="trials")
    user = get_user_model().objects.create_superuser("fuzzer", "", "pw")
    client = Client()
    client.force_login(user)
    site = Site.objects.get(is_default_site=True)

    def scraped(url, **extra):
        """What the form at `url` posts unchanged, as a browser would send it."""
        data = querydict_from_html(client.get(url).text, form_id=extra.pop("form_id"))
        data.update(extra)
        return data

    social_link = ("link", {"platform": "weibo", "url": "https://weibo.com/x", "label": ""})
    forms = {
        "article": (
            f"/admin/pages/{article.pk}/edit/",
            form_data(
                category=str(category.pk),
                lead_image="",
                disclaimer=str(disclaimer.pk),
                last_reviewed="2025-08-03",
                go_live_at="",
                tags="抑郁症",
                source="杭吉",
            ),
        ),
        "news index": (
            url := f"/admin/pages/{index.pk}/edit/",
            scraped(url, form_id="page-edit-form", **{"action-publish": "publish"}),
        ),
        "home": (
            url := f"/admin/pages/{home.pk}/edit/",
            scraped(url, form_id="page-edit-form", **{"action-publish": "publish"}),
        ),
        "contact": (
            url := f"/admin/pages/{contact.pk}/edit/",
            scraped(url, form_id="page-edit-form", **{"action-publish": "publish"}),
        ),
        "site settings": (
            f"/admin/settings/publisher/sitesettings/{site.pk}/",
            settings_form(social_links=streamfield([social_link])),
        ),
        "disclaimer": (
            url := f"/admin/snippets/articles/disclaimer/edit/{disclaimer.pk}/",
            scraped(url, form_id="w-editor-form"),
        ),
        "category": (
            url := f"/admin/snippets/articles/category/edit/{category.pk}/",
            scraped(url, form_id="w-editor-form"),
        ),
    }
    return user, forms


def tampered(data, name, value):
    """`data` with field `name` set to `value` (or dropped)."""
    data = data.copy()
    if value is DROP:
        data.pop(name, None)
    elif name == "body":
        data |= form_data(value)
    else:
        data[name] = value
    return data


class TestAdminFuzz:
    """Hundreds of malformed posts; each is answered with the form again or saved, not a 5xx."""

    @pytest.mark.parametrize("form", list(FIELDS))
    def test_the_unchanged_form_saves(self, client, admin_forms, form):
        user, forms = admin_forms
        client.force_login(user)
        url, data = forms[form]
        response = client.post(url, data)
        assert response.status_code == 302, response.context and response.context["form"].errors

    @pytest.mark.parametrize(("form", "name", "value"), CORPUS)
    def test_a_malformed_post_is_not_a_server_error(self, client, admin_forms, form, name, value):
        user, forms = admin_forms
        client.force_login(user)
        url, data = forms[form]
        assert name == "body" or name in data, f"{name} is not posted by the {form} form"
        response = client.post(url, tampered(data, name, value))
        assert response.status_code in (200, 302, 400)

    def test_two_new_contact_fields_with_one_label_are_a_form_error(self, client, admin_forms):
        user, forms = admin_forms
        client.force_login(user)
        url, data = forms["contact"]
        data = data.copy()
        total = int(data["form_fields-TOTAL_FORMS"])
        for i in (total, total + 1):
            for name, value in {
                "id": "",
                "label_zh_hans": "备注",
                "label_en": "Notes",
                "field_type": "singleline",
                "ORDER": str(i + 1),
            }.items():
                data[f"form_fields-{i}-{name}"] = value
        data["form_fields-TOTAL_FORMS"] = str(total + 2)

        response = client.post(url, data)

        assert response.status_code == 200
        assert "&#x27;notes&#x27;" in response.text or "“notes”" in response.text
        assert FormField.objects.count() == total

    def test_a_forged_row_count_is_refused_without_building_the_rows(self, client, admin_forms):
        user, forms = admin_forms
        client.force_login(user)
        url, data = forms["contact"]
        stored = FormField.objects.count()

        response = client.post(url, data | {"form_fields-TOTAL_FORMS": "99999999"})

        assert response.status_code == 200
        formset = response.context["form"].formsets["form_fields"]
        assert len(formset.forms) <= MAX_FORM_FIELDS
        assert any(e.code == "too_many_forms" for e in formset.non_form_errors().as_data())
        assert FormField.objects.count() == stored


def test_the_corpus_is_large():
    assert len(CORPUS) >= 150
