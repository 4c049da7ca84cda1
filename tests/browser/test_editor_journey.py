"""An editor in the Chinese admin writes an article citing a trial, previews and publishes it."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from playwright.sync_api import expect

from articles.models import ArticlePage, NewsIndexPage
from registry.models import ClinicalTrial
from registry.samples import load_samples

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "浏览器里写的文章:干细胞治疗抑郁症的新试验"
SUMMARY = "编辑在后台写好、预览并发布的一篇文章。"
PARAGRAPH = "这篇文章由浏览器测试在中文后台写成。"
CATEGORY = "干细胞资讯"
PASSWORD = "browser-editor-pw-1"  # noqa: S105 (a throwaway test account)


def trial_block_label():
    """The admin menu label of the block citing a trial record, as the Chinese admin shows it."""
    blocks = ArticlePage._meta.get_field("body_zh_hans").stream_block.child_blocks
    with translation.override("zh-hans"):
        return str(blocks["trial_record"].label)


def log_in(journey):
    """Sign in through the admin's own form, which speaks Chinese."""
    page = journey.page
    page.goto("/admin/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    page.get_by_label("用户名").fill("zhubian")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/admin/")
    journey.step("admin dashboard", check=False)


def add_block(page, label):
    """Insert a block of the type labelled `label` at the end of the Chinese body."""
    body = page.locator("#tab-u4e2du6587u6b63u6587")
    body.get_by_title("插入区块").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def cite_trial(journey):
    """Add the block citing a trial record, choosing the first trial."""
    page = journey.page
    add_block(page, trial_block_label())
    trial = ClinicalTrial.objects.order_by("pk").first()
    page.locator("#tab-u4e2du6587u6b63u6587 [data-chooser-action-choose]").last.click()
    page.locator(".modal").get_by_role("link", name=trial.registry_id).first.click()
    expect(page.locator(".modal")).to_be_hidden()


def test_editor_journey(journey_for, settings):
    # Autosave races the editor's own click on a slow machine (the save it starts can land after
    # the publish, or not start at all before the form is read); the journey is what the editor
    # does, and autosave against stale edits is specified in test_edit_conflicts.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    get_user_model().objects.create_superuser("zhubian", "zhubian@example.com", PASSWORD)
    load_samples()
    journey = journey_for("editor-zh-hans", "zh-CN")
    page = journey.page
    log_in(journey)

    index = NewsIndexPage.objects.get()
    page.goto(f"/admin/pages/add/articles/articlepage/{index.pk}/")
    page.locator("#id_title_zh_hans").fill(TITLE)
    page.locator("#id_summary_zh_hans").fill(SUMMARY)
    page.get_by_role("tab", name="中文正文").click()
    add_block(page, "段落")
    page.locator("#tab-u4e2du6587u6b63u6587 [contenteditable=true]").last.fill(PARAGRAPH)
    cite_trial(journey)
    page.get_by_role("tab", name="设置").click()
    page.locator("#id_category").locator("xpath=..").locator("[data-chooser-action-choose]").click()
    page.locator(".modal").get_by_role("link", name=CATEGORY).click()
    journey.step("article written", check=False)

    page.locator("[data-side-panel-toggle=preview]").click()
    panel = page.frame_locator("iframe[data-w-preview-target=iframe]").last
    expect(panel.locator("main h1")).to_have_text(TITLE, timeout=15_000)
    expect(panel.locator("main .article-body")).to_contain_text(PARAGRAPH)

    def preview():
        """The panel's frame; resizing the window reloads it into a new one."""
        expect(panel.locator("main h1")).to_have_text(TITLE)
        return (
            page.locator("iframe[data-w-preview-target=iframe]")
            .last.element_handle()
            .content_frame()
        )

    journey.step("preview", frame=preview)

    page.locator("footer [data-w-dropdown-target=toggle]").click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages .success")).to_be_visible()
    journey.step("published", check=False)

    article = ArticlePage.objects.get(title_zh_hans=TITLE)
    assert article.live
    page.goto(article.get_url())
    expect(page.locator("main h1")).to_have_text(TITLE)
    expect(page.locator("main .article-body")).to_contain_text(PARAGRAPH)
    journey.step("live article")
    journey.category_page(listing=TITLE)

    journey.finish()
