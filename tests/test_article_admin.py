"""Editing articles in the Wagtail admin: bad body data and missing disclaimers never give a 500."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text, streamfield

from articles.models import ArticlePage
from publisher.models import SiteSettings
from tests.admin_forms import edit, form_data
from tests.factories import make_disclaimer

pytestmark = pytest.mark.django_db


def stored_body(article):
    """The Chinese body of the article's latest revision and of its live row."""
    page = ArticlePage.objects.get(pk=article.pk)
    latest = page.get_latest_revision_as_object()
    return [b.block_type for b in page.body_zh_hans], [b.block_type for b in latest.body_zh_hans]


def test_a_well_formed_edit_is_published(english_admin, article):
    response = edit(
        english_admin,
        article,
        form_data([("heading", {"text": "背景", "level": "h2"}), ("paragraph", rich_text("x"))]),
    )
    assert response.status_code == 302
    assert stored_body(article) == (["heading", "paragraph"], ["heading", "paragraph"])


@pytest.mark.parametrize(
    "tamper",
    [
        {"body_zh_hans-count": "abc"},
        {"body_zh_hans-count": ""},
        {"body_zh_hans-count": "-1"},
        {"body_zh_hans-count": "5"},
        {"body_zh_hans-0-order": "first"},
        {"body_zh_hans-0-type": "script"},
        {"body_zh_hans-0-deleted": None},
    ],
    ids=["letters", "empty", "negative", "too-many", "bad-order", "unknown-type", "no-deleted"],
)
def test_malformed_stream_data_is_a_form_error(english_admin, article, tamper):
    before = stored_body(article)
    revisions = article.revisions.count()
    data = form_data()
    for key, value in tamper.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    response = edit(english_admin, article, data)
    assert response.status_code in (200, 400)
    assert "The body could not be read. Reload the page and try again." in response.text
    assert stored_body(article) == before
    assert article.revisions.count() == revisions


def test_broken_table_json_is_a_form_error(english_admin, article):
    table = {
        "caption": "表",
        "table": '{"data": [["a", "b"]',
        "source": "",
    }
    data = form_data([("table", table)])
    revisions = article.revisions.count()
    response = edit(english_admin, article, data)
    assert response.status_code in (200, 400)
    assert "The body could not be read" in response.text
    assert article.revisions.count() == revisions


def test_invalid_trial_shows_the_editor_message(english_admin, article):
    trial = {
        "registry_id": "NCT123",
        "title": "Trial",
        "summary": rich_text(""),
        "allocation": "",
        "masking": "",
        "placebo_controlled": "",
        "conditions": streamfield([("item", "Depression")]),
        "interventions": streamfield([("item", "MSC")]),
        "enrollment": "-3",
        "enrollment_type": "ESTIMATED",
        "status": "TERMINATED",
        "why_stopped": "",
        "sponsor": "",
        "start_date": "",
        "completion_date": "",
    }
    data = form_data([("trial", trial)]) | {"body_zh_hans-0-value-phases": ["PHASE1"]}
    response = edit(english_admin, article, data)
    assert response.status_code == 200
    text = response.text
    assert "Enter an NCT number (NCT followed by 8 digits) or a ChiCTR number." in text
    assert "Enrollment cannot be negative." in text
    assert "Say why the trial was terminated, suspended or withdrawn." in text


def test_publishing_without_an_english_disclaimer_is_refused(english_admin, article):
    SiteSettings.objects.update(default_disclaimer_en="")
    variant = make_disclaimer(en="")
    revisions = article.revisions.count()
    response = edit(english_admin, article, form_data(disclaimer=str(variant.pk)))
    assert response.status_code == 200
    assert "cannot be published without a medical disclaimer in English" in response.text
    assert article.revisions.count() == revisions


def test_a_draft_without_an_english_disclaimer_may_be_saved(english_admin, article):
    SiteSettings.objects.update(default_disclaimer_en="")
    data = form_data()
    data.pop("action-publish")
    response = edit(english_admin, article, data)
    assert response.status_code == 302
    assert Page.objects.get(pk=article.pk).has_unpublished_changes
    assert article.revisions.count() == 2


def test_edit_form_opens(english_admin, article):
    response = english_admin.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    assert "Article details" in response.text


def test_an_editor_creates_and_publishes_an_article(english_admin, site_tree):
    _home, index = site_tree
    data = form_data(slug_zh_hans="new-article", slug_en="new-article-en")
    response = english_admin.post(f"/admin/pages/add/articles/articlepage/{index.pk}/", data)
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug_zh_hans="new-article")
    assert article.live
    assert article.translated_en
    assert article.disclaimer_text_en
    assert (
        article.live_revision.content["disclaimer_text_zh_hans"] == article.disclaimer_text_zh_hans
    )


@pytest.mark.parametrize(
    "name", ["heading", "paragraph", "quote", "list", "table", "study", "trial", "references"]
)
def test_block_previews_render_with_the_site_styles(english_admin, site_tree, name):
    block = ArticlePage._meta.get_field("body_zh_hans").stream_block.child_blocks[name]
    response = english_admin.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200
    assert "css/site.css" in response.text
    assert f'class="w-block-{name} block-{name}"' in response.text
