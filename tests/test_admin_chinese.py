"""Every admin screen an editor of this site uses reads in Chinese, and in English on request."""

import importlib
import io
import json
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext, pgettext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site, Task, Workflow
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from articles.models import ArticlePage, ArticleTag, Category, Disclaimer, NewsIndexPage
from cms.models import ContactPage, HomePage
from tests.admin_forms import edit, form_data
from tests.admin_text import found, raw_text, shown_text

pytestmark = pytest.mark.django_db

# English that audits found on the Chinese admin; each entry is matched as whole words.
ENGLISH_LEFTOVERS = [
    "Pages",
    "Search all pages",
    "Page types usage",
    "Write something or type",
    "Insert a block",
    "Select an option",
    "Autosave is paused",
    "The page could not be saved due to validation errors",
    "Go to the first error",
    "Table headers",
    "Please provide an image description",
    "Password",
    "True",
    "False",
    "New title",
    "New slug",
    "Moderators approval",
]
# Also looked for in the block definitions and settings that scripts render.
SCRIPTED_LEFTOVERS = [
    "Select an option",
    "Table headers",
    "Please provide an image description",
    "Autosave is paused",
    "Go to the first error",
    "could not be saved",
]
# Raw language codes, where a label should name the language.
RAW_CODES = ["[zh-hans]", "[en]"]


ENQUIRY = {"name": "王小明", "phone_or_email": "1@example.com", "consent": True}


@pytest.fixture(scope="module")
def desk(django_db_setup, django_db_blocker):
    """The demo site with a document, an enquiry and a workflow, built once for this module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        site = Site.objects.get(is_default_site=True)
        home = HomePage.objects.get()
        contact = ContactPage.objects.get()
        contact.get_submission_class().objects.create(page=contact, form_data=ENQUIRY)
        document = get_document_model().objects.create(
            title="临床试验方案", file=ContentFile(b"protocol", name="protocol.txt")
        )
        yield {
            "site": site,
            "home": home,
            "index": NewsIndexPage.objects.get(),
            "article": ArticlePage.objects.get(slug_zh_hans="stem-cells-depression"),
            "contact": contact,
            "image": get_image_model().objects.first(),
            "document": document,
            "disclaimer": Disclaimer.objects.first(),
            "category": Category.objects.first(),
            "tag": ArticleTag.objects.first(),
            "workflow": Workflow.objects.first(),
        }
        transaction.set_rollback(True)
    cache.clear()


def editor_urls(desk):
    """The admin screens an editor (Editors group) works with."""
    article, index, home, contact = desk["article"], desk["index"], desk["home"], desk["contact"]
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{index.pk}/",
        "/admin/pages/search/?q=干细胞",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{index.pk}/edit/",
        f"/admin/pages/{home.pk}/edit/",
        f"/admin/pages/{contact.pk}/edit/",
        f"/admin/pages/add/articles/articlepage/{index.pk}/",
        f"/admin/pages/{article.pk}/history/",
        f"/admin/pages/{article.pk}/usage/",
        f"/admin/pages/{article.pk}/copy/",
        "/admin/choose-page/",
        f"/admin/choose-page/{index.pk}/",
        "/admin/choose-page/search/?q=干细胞",
        "/admin/choose-external-link/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        f"/admin/images/{desk['image'].pk}/",
        "/admin/images/chooser/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        f"/admin/documents/edit/{desk['document'].pk}/",
        "/admin/documents/chooser/",
        "/admin/snippets/choose/articles/disclaimer/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/aging-pages/",
        "/admin/reports/page-types-usage/",
        "/admin/translations/",
        "/admin/article_listing/",
        "/admin/account/",
    ]


def superuser_urls(desk):
    """The screens only superusers reach here: page actions, snippets, settings, enquiries…"""
    article = desk["article"]
    return [
        f"/admin/pages/{article.pk}/move/",
        f"/admin/pages/{article.pk}/unpublish/",
        f"/admin/pages/{article.pk}/delete/",
        f"/admin/pages/{article.pk}/privacy/",
        "/admin/snippets/",
        "/admin/snippets/articles/disclaimer/",
        "/admin/snippets/articles/disclaimer/add/",
        f"/admin/snippets/articles/disclaimer/edit/{desk['disclaimer'].pk}/",
        "/admin/snippets/articles/category/",
        f"/admin/snippets/articles/category/edit/{desk['category'].pk}/",
        "/admin/snippets/articles/articletag/",
        "/admin/snippets/articles/articletag/add/",
        f"/admin/snippets/articles/articletag/edit/{desk['tag'].pk}/",
        "/admin/reports/locked/",
        f"/admin/settings/publisher/sitesettings/{desk['site'].pk}/",
        "/admin/reports/site-history/",
        "/admin/forms/",
        f"/admin/forms/submissions/{desk['contact'].pk}/",
        "/admin/workflows/list/",
        f"/admin/workflows/edit/{desk['workflow'].pk}/",
        "/admin/workflows/tasks/index/",
        "/admin/users/",
        "/admin/groups/",
        f"/admin/groups/edit/{Group.objects.get(name='Editors').pk}/",
        "/admin/sites/",
        "/admin/redirects/",
        "/admin/redirects/add/",
        "/admin/collections/",
    ]


JSON = "application/json"
DRAFTAIL_PLACEHOLDER = "Write something or type \u2018/\u2019 to insert a block"
ANONYMOUS_URLS = ["/admin/login/", "/admin/password_reset/", "/admin/password_reset/done/"]


def english_on(client, url):
    """The English leftovers, raw language codes and wrong Chinese on one admin screen."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.json()["html"] if response.headers["Content-Type"] == JSON else response.text
    chunks = shown_text(html)
    raw = raw_text(html)
    return (
        found(ENGLISH_LEFTOVERS, chunks)
        + found(SCRIPTED_LEFTOVERS, [raw])
        + [code for code in RAW_CODES if code in raw]
    )


def logged_in(user):
    """A client logged in as `user`."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def superuser(desk, django_user_model):
    return logged_in(django_user_model.objects.create_superuser("root", "root@example.com", "pw"))


@pytest.fixture
def editor(desk, django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return logged_in(user)


class TestChineseAdmin:
    """A Chinese editor (the default) meets no English on any screen."""

    def test_editor_screens_read_in_chinese_for_an_editor(self, desk, editor):
        leftovers = {url: english_on(editor, url) for url in editor_urls(desk)}
        assert {url: found for url, found in leftovers.items() if found} == {}

    def test_editor_and_superuser_screens_read_in_chinese_for_a_superuser(self, desk, superuser):
        urls = editor_urls(desk) + superuser_urls(desk)
        leftovers = {url: english_on(superuser, url) for url in urls}
        assert {url: found for url, found in leftovers.items() if found} == {}

    def test_sign_in_and_password_reset_read_in_chinese(self, client):
        leftovers = {url: english_on(client, url) for url in ANONYMOUS_URLS}
        assert {url: found for url, found in leftovers.items() if found} == {}
        assert "密码" in client.get("/admin/login/").text


def javascript_catalog(client):
    """The admin's JavaScript translations, as the page's scripts receive them."""
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    # Django leaves the catalogue out altogether when nothing is translated.
    catalog = re.search(r"const newcatalog = (\{.*?\});\n", response.text, re.S)
    return json.loads(catalog[1]) if catalog else {}


def sidebar_items(client):
    """The main menu's items by name, from the sidebar's props."""
    html = client.get("/admin/").text
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)[1]
    return {
        item["name"]: item["label"]
        for item in menu_entries(json.loads(props))
        if isinstance(item.get("name"), str) and "label" in item
    }


def menu_entries(data):
    """Every dict in the sidebar props, however deeply nested."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from menu_entries(value)
    elif isinstance(data, list):
        for value in data:
            yield from menu_entries(value)


class TestChineseCatalogues:
    """The project's catalogues win over Wagtail's, for templates and for scripts."""

    def test_the_menu_names_pages_not_pagination(self, superuser):
        assert sidebar_items(superuser)["explorer"] == "页面"

    def test_the_pagination_label_keeps_its_own_word(self):
        with translation.override("zh-hans"):
            assert (gettext("Pages"), pgettext("pagination", "Pages")) == ("页面", "分页")

    def test_scripts_get_the_strings_wagtail_lacks(self, superuser):
        catalog = javascript_catalog(superuser)
        assert catalog["Insert a block"] == "插入区块"
        assert catalog[DRAFTAIL_PLACEHOLDER] == "输入内容，或输入“/”插入区块"
        assert catalog["Autosave in progress…"] == "正在自动保存…"

    def test_scripts_keep_wagtails_own_translations(self, superuser):
        assert javascript_catalog(superuser)["Pages"] == "页面"

    def test_translated_fields_are_labelled_by_language_name(self, desk, superuser):
        html = superuser.get(f"/admin/pages/{desk['article'].pk}/edit/").text
        assert "标题（中文）" in html
        assert "标题（English）" in html

    def test_enquiry_tick_boxes_read_yes_or_no_in_chinese(self, desk, superuser):
        html = superuser.get(f"/admin/forms/submissions/{desk['contact'].pk}/").text
        cells = [chunk for chunk in shown_text(html) if chunk in {"是", "否", "True", "False"}]
        assert cells == ["是"]


@pytest.fixture
def english_editor(desk, django_user_model):
    """A superuser who chose English for the admin."""
    user = django_user_model.objects.create_superuser("english", "en@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return logged_in(user)


class TestEnglishAdmin:
    """Editors who choose English get Wagtail's English, labels included."""

    def test_screens_read_in_english(self, desk, english_editor):
        assert sidebar_items(english_editor)["explorer"] == "Pages"
        html = english_editor.get("/admin/").text
        assert 'placeholder="Search all pages…"' in html
        edit = english_editor.get(f"/admin/pages/{desk['article'].pk}/edit/").text
        assert "Title (English)" in edit
        assert "Title (中文)" in edit

    def test_scripts_get_no_chinese(self, english_editor):
        catalog = javascript_catalog(english_editor)
        assert "Insert a block" not in catalog
        assert "插入区块" not in catalog.values()

    def test_enquiry_tick_boxes_read_yes_or_no(self, desk, english_editor):
        html = english_editor.get(f"/admin/forms/submissions/{desk['contact'].pk}/").text
        assert "Yes" in shown_text(html)


def settings_form(**overrides):
    """What the site settings form posts, filled in as the demo has it."""
    data = {
        "site_name_zh_hans": "杭吉干细胞资讯",
        "site_name_en": "Hangji Stem Cell News",
        "default_disclaimer_zh_hans": "免责说明",
        "default_disclaimer_en": "Disclaimer",
        "hotline": "400-622-0089",
        "social_links": streamfield([]),
    } | overrides
    return nested_form_data(data)


class TestChineseErrors:
    """A form an editor gets back with errors explains them in Chinese."""

    def test_an_article_with_errors(self, desk, superuser):
        data = form_data(slug_zh_hans="新药", title_zh_hans=desk["article"].title_zh_hans)
        response = edit(superuser, desk["article"], data)
        assert response.status_code == 200
        assert "存在验证错误，无法保存页面。" in response.text
        assert "前往第一个错误" in response.text
        assert found(ENGLISH_LEFTOVERS, shown_text(response.text)) == []

    def test_site_settings_with_errors(self, desk, superuser):
        url = f"/admin/settings/publisher/sitesettings/{desk['site'].pk}/"
        response = superuser.post(url, settings_form(hotline="call us"))
        assert response.status_code == 200
        assert "前往第一个错误" in response.text
        assert found(ENGLISH_LEFTOVERS + SCRIPTED_LEFTOVERS, shown_text(response.text)) == []


class TestDefaultWorkflowName:
    """Editors submit to 审核员审批; a workflow someone renamed keeps its name."""

    migration = importlib.import_module("cms.migrations.0006_default_workflow_named_in_chinese")

    @staticmethod
    def default():
        """Wagtail's own first workflow and task (the medical review ones come later)."""
        return Workflow.objects.order_by("pk").first(), Task.objects.order_by("pk").first()

    def test_the_default_workflow_and_task_are_named_in_chinese(self):
        workflow, task = self.default()
        assert (workflow.name, task.name) == ("审核员审批", "审核员审批")

    def test_a_renamed_workflow_keeps_its_name(self):
        Workflow.objects.filter(pk=self.default()[0].pk).update(name="内容审核")
        self.migration.name_in_english(apps, None)
        self.migration.name_in_chinese(apps, None)
        workflow, task = self.default()
        assert (workflow.name, task.name) == ("内容审核", "审核员审批")

    def test_the_migration_reverses(self):
        self.migration.name_in_english(apps, None)
        assert self.default()[0].name == "Moderators approval"
