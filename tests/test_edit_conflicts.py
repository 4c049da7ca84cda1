"""Two editors open the same object; the second one's stale save is refused, not lost or applied."""

import pytest
from django.test import Client
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html

from articles.models import ArticlePage, Category, Disclaimer
from publisher.models import SiteSettings
from tests.admin_forms import form_data
from tests.factories import make_disclaimer
from tests.test_site_chrome import settings_form

pytestmark = pytest.mark.django_db

STALE = "在您打开之后，其他人已保存了此内容，因此您的修改尚未保存，仍保留在下方。"
REVISION_INPUTS = ("loaded_revision_id", "loaded_revision_created_at")


@pytest.fixture
def editors(django_user_model):
    """Two logged-in editors using the admin in its default language, Chinese."""
    clients = []
    for name in ("editor_a", "editor_b"):
        client = Client()
        client.force_login(django_user_model.objects.create_superuser(name, "", "pw"))
        clients.append(client)
    return clients


def opened(client, url, form_id):
    """What the form at `url` posts when the editor saves it without touching it."""
    return querydict_from_html(client.get(url).text, form_id=form_id)


def loaded_revision(client, page):
    """The revision inputs of the page editor as an editor opened it."""
    data = opened(client, f"/admin/pages/{page.pk}/edit/", "page-edit-form")
    return {name: data[name] for name in REVISION_INPUTS}


class TestPageEditor:
    def test_a_stale_save_is_refused_and_keeps_the_editors_text(self, editors, article):
        a, b = editors
        url = f"/admin/pages/{article.pk}/edit/"
        loaded_by_a, loaded_by_b = loaded_revision(a, article), loaded_revision(b, article)

        saved = a.post(url, form_data(summary_zh_hans="甲编辑的摘要") | loaded_by_a)
        refused = b.post(url, form_data(summary_zh_hans="乙编辑的摘要") | loaded_by_b)

        assert saved.status_code == 302
        assert refused.status_code == 200
        assert STALE in refused.text
        assert "乙编辑的摘要" in refused.text
        live = ArticlePage.objects.get(pk=article.pk)
        assert live.summary_zh_hans == "甲编辑的摘要"
        assert live.get_latest_revision_as_object().summary_zh_hans == "甲编辑的摘要"

    def test_saving_the_refused_form_again_replaces_the_newer_version(self, editors, article):
        a, b = editors
        url = f"/admin/pages/{article.pk}/edit/"
        loaded_by_b = loaded_revision(b, article)
        a.post(url, form_data(summary_zh_hans="甲编辑的摘要") | loaded_revision(a, article))
        refused = b.post(url, form_data(summary_zh_hans="乙编辑的摘要") | loaded_by_b)

        shown_again = querydict_from_html(refused.text, form_id="page-edit-form")
        again = {name: shown_again[name] for name in REVISION_INPUTS}
        response = b.post(url, form_data(summary_zh_hans="乙编辑的摘要") | again)

        assert response.status_code == 302
        assert ArticlePage.objects.get(pk=article.pk).summary_zh_hans == "乙编辑的摘要"

    def test_one_editor_saving_twice_is_not_a_conflict(self, editors, article):
        a, _b = editors
        url = f"/admin/pages/{article.pk}/edit/"
        assert a.post(url, form_data() | loaded_revision(a, article)).status_code == 302
        response = a.post(url, form_data(summary_zh_hans="再改") | loaded_revision(a, article))
        assert response.status_code == 302

    def test_the_editors_own_autosaved_revision_is_not_a_conflict(self, editors, article):
        a, _b = editors
        url = f"/admin/pages/{article.pk}/edit/"
        loaded = loaded_revision(a, article)
        draft = form_data(summary_zh_hans="自动保存")
        draft.pop("action-publish")
        autosaved = a.post(url, draft | loaded, headers={"accept": "application/json"})
        own = {"overwrite_revision_id": str(autosaved.json()["revision_id"])}

        response = a.post(url, form_data(summary_zh_hans="发布") | loaded | own)

        assert response.status_code == 302
        assert ArticlePage.objects.get(pk=article.pk).summary_zh_hans == "发布"

    def test_another_editors_autosave_makes_a_save_stale(self, editors, article):
        a, b = editors
        url = f"/admin/pages/{article.pk}/edit/"
        loaded_by_b = loaded_revision(b, article)
        draft = form_data(summary_zh_hans="甲的草稿")
        draft.pop("action-publish")
        a.post(url, draft | loaded_revision(a, article), headers={"accept": "application/json"})

        refused = b.post(url, form_data(summary_zh_hans="乙编辑的摘要") | loaded_by_b)

        assert STALE in refused.text
        assert ArticlePage.objects.get(
            pk=article.pk
        ).get_latest_revision_as_object().summary_zh_hans == ("甲的草稿")


@pytest.fixture
def snippets(site_tree):
    """A disclaimer and a category, each with its admin edit URL and a field to change."""
    disclaimer = make_disclaimer()
    category = Category.objects.create(name_zh_hans="临床试验", name_en="Trials", slug="trials")
    return {
        "disclaimer": (disclaimer, "/admin/snippets/articles/disclaimer/edit/", "text_zh_hans"),
        "category": (category, "/admin/snippets/articles/category/edit/", "name_zh_hans"),
    }


class TestSnippetsAndSettings:
    @pytest.mark.parametrize("snippet", ["disclaimer", "category"])
    def test_a_stale_snippet_save_is_refused(self, editors, snippets, snippet):
        a, b = editors
        obj, prefix, field = snippets[snippet]
        url = f"{prefix}{obj.pk}/"
        opened_by_a = opened(a, url, "w-editor-form")
        opened_by_b = opened(b, url, "w-editor-form")

        saved = a.post(url, opened_by_a | {field: "甲编辑的内容"})
        refused = b.post(url, opened_by_b | {field: "乙编辑的内容"})

        assert saved.status_code == 302
        assert refused.status_code == 200
        assert STALE in refused.text
        assert "乙编辑的内容" in refused.text
        assert getattr(type(obj).objects.get(pk=obj.pk), field) == "甲编辑的内容"

    def test_saving_a_refused_snippet_again_replaces_the_newer_version(self, editors, snippets):
        a, b = editors
        disclaimer, prefix, _field = snippets["disclaimer"]
        url = f"{prefix}{disclaimer.pk}/"
        opened_by_b = opened(b, url, "w-editor-form")
        a.post(url, opened(a, url, "w-editor-form") | {"text_zh_hans": "甲"})
        refused = b.post(url, opened_by_b | {"text_zh_hans": "乙"})

        response = b.post(url, querydict_from_html(refused.text, form_id="w-editor-form"))

        assert response.status_code == 302
        assert Disclaimer.objects.get(pk=disclaimer.pk).text_zh_hans == "乙"

    def test_a_stale_site_settings_save_is_refused(self, editors, site_tree):
        a, b = editors
        url = f"/admin/settings/publisher/sitesettings/{Site.objects.get(is_default_site=True).pk}/"
        loaded_by_a = {"loaded_row": opened(a, url, "w-editor-form")["loaded_row"]}
        loaded_by_b = {"loaded_row": opened(b, url, "w-editor-form")["loaded_row"]}

        saved = a.post(url, settings_form(tagline_zh_hans="甲的口号") | loaded_by_a)
        refused = b.post(url, settings_form(tagline_zh_hans="乙的口号") | loaded_by_b)

        assert saved.status_code == 302
        assert refused.status_code == 200
        assert STALE in refused.text
        assert "乙的口号" in refused.text
        assert SiteSettings.objects.get().tagline_zh_hans == "甲的口号"
