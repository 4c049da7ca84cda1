"""Rich text in articles: only the features a field offers, no link to a missing object, no 500."""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from wagtail.users.models import UserProfile

from articles.blocks import ArticleBodyBlock
from articles.blocks.rich_text import PARAGRAPH_FEATURES, StrictRichTextBlock
from articles.models import ArticlePage
from tests.admin_forms import edit, form_data

pytestmark = pytest.mark.django_db

NO_PAGE = "有链接指向不存在的页面。请重新选择页面。"
NO_DOCUMENT = "有链接指向不存在的文档。请重新选择文档。"
UNREADABLE = "无法读取此富文本。请重新加载页面后重试。"


def draftail(text, entity=None, block_type="unstyled"):
    """Draftail's posted JSON for one block of `text`, optionally all one entity."""
    ranges = [{"offset": 0, "length": len(text), "key": 0}] if entity else []
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "b1",
                    "text": text,
                    "type": block_type,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": ranges,
                    "data": {},
                }
            ],
            "entityMap": {"0": entity} if entity else {},
        }
    )


def entity(kind, **data):
    """A Draftail entity of `kind` with `data`."""
    mutability = "IMMUTABLE" if kind in ("IMAGE", "EMBED") else "MUTABLE"
    return {"type": kind, "mutability": mutability, "data": data}


@pytest.fixture
def chinese_admin(client, django_user_model):
    """A logged-in superuser with the admin in Chinese."""
    user = django_user_model.objects.create_superuser("bianji", "bianji@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(user)
    return client


def shows(response, message):
    """Whether the page shows `message`, as HTML text or in the block errors' JSON."""
    return message in response.text or json.dumps(message)[1:-1] in response.text


def edit_index(client, index, intro):
    """Post the news index page's edit form with `intro` as its Chinese introduction."""
    data = {
        "title_zh_hans": "新闻",
        "title_en": "News",
        "slug_zh_hans": "news",
        "slug_en": "news",
        "intro_zh_hans": intro,
        "intro_en": draftail("News"),
        "action-publish": "action-publish",
    }
    return client.post(f"/admin/pages/{index.pk}/edit/", data)


def store_body(article, html):
    """Write a paragraph body straight into the database, as old or imported data may hold."""
    raw = json.dumps([{"type": "paragraph", "value": html, "id": "p1"}])
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_articlepage SET body_zh_hans = %s WHERE page_ptr_id = %s",
            [raw, article.pk],
        )
    revision = article.latest_revision
    revision.content["body_zh_hans"] = raw
    revision.save(update_fields=["content"])


class TestEditorPosts:
    """What an editor posts in a paragraph is refused, in Chinese, when it cannot be kept."""

    @pytest.mark.parametrize(
        ("posted", "message"),
        [
            (draftail("链接", entity("LINK", id="abc", url="/x/")), NO_PAGE),
            (draftail("链接", entity("LINK", id=99999, url="/x/")), NO_PAGE),
            (draftail("链接", entity("LINK", id="99999999999999999999")), NO_PAGE),
            (draftail("文档", entity("DOCUMENT", id="abc")), NO_DOCUMENT),
            (draftail(" ", entity("IMAGE", id="1", format="left", alt="x"), "atomic"), "图片"),
            (draftail(" ", entity("IMAGE", id="abc", format="left", alt=""), "atomic"), "图片"),
            (
                draftail(" ", entity("EMBED", url="https://www.youtube.com/watch?v=1"), "atomic"),
                "嵌入媒体",
            ),
            (draftail("小标题", block_type="header-two"), "此处不能使用标题。请删除后再保存。"),
            ("{not json", UNREADABLE),
            ("[1, 2, 3]", UNREADABLE),
            ('{"blocks": 5}', UNREADABLE),
        ],
        ids=[
            "page-id-abc",
            "missing-page",
            "huge-page-id",
            "document-id-abc",
            "image",
            "image-id-abc",
            "embed",
            "h2",
            "not-json",
            "list",
            "bad-blocks",
        ],
    )
    def test_refused_with_a_chinese_message(self, chinese_admin, article, posted, message):
        revisions = article.revisions.count()
        response = edit(chinese_admin, article, form_data([("paragraph", posted)]))
        assert response.status_code == 200
        assert shows(response, message)
        assert article.revisions.count() == revisions

    def test_unreadable_draft_is_refused_every_time(self, chinese_admin, article):
        # The editor widget used to remember the first failure and let later posts through as
        # an empty paragraph.
        revisions = article.revisions.count()
        data = form_data([("paragraph", "{not json")])
        data.pop("action-publish")
        for _attempt in range(2):
            response = edit(chinese_admin, article, data)
            assert response.status_code == 200
            assert shows(response, UNREADABLE)
        assert article.revisions.count() == revisions

    def test_a_link_to_an_existing_page_is_kept(self, chinese_admin, article):
        posted = draftail("首页", entity("LINK", id=article.get_parent().pk, url="/"))
        response = edit(chinese_admin, article, form_data([("paragraph", posted)]))
        assert response.status_code == 302
        source = ArticlePage.objects.get(pk=article.pk).body_zh_hans[0].value.source
        assert f'linktype="page" id="{article.get_parent().pk}"' in source


class TestRichTextFieldPosts:
    """A RichTextField (the news index's introduction) keeps to its features and links too."""

    @pytest.mark.parametrize(
        ("posted", "message"),
        [
            (draftail("链接", entity("LINK", id="abc")), NO_PAGE),
            (draftail("文档", entity("DOCUMENT", id="1")), "此处不能使用文档链接。"),
            ("{not json", UNREADABLE),
        ],
        ids=["page-id-abc", "document-link", "not-json"],
    )
    def test_refused_with_a_chinese_message(self, chinese_admin, site_tree, posted, message):
        _home, index = site_tree
        revisions = index.revisions.count()
        response = edit_index(chinese_admin, index, posted)
        assert response.status_code == 200
        assert shows(response, message)
        assert index.revisions.count() == revisions

    def test_a_plain_introduction_is_published(self, chinese_admin, site_tree):
        _home, index = site_tree
        response = edit_index(chinese_admin, index, draftail("最新资讯"))
        assert response.status_code == 302


BROKEN = [
    '<p>见<a linktype="page" id="abc">这篇文章</a>。</p>',
    '<p>见<a linktype="page" id="99999">这篇文章</a>。</p>',
    '<p>见<a linktype="document" id="abc">这篇文章</a>。</p>',
    '<p>见<a linktype="page" id="99999999999999999999">这篇文章</a>。</p>',
    '<p>见这篇文章。</p><embed embedtype="image" id="abc" format="left" alt=""/>',
    '<p>见这篇文章。</p><embed embedtype="image" id="1"/>',
]


class TestStoredBrokenBodies:
    """A body stored with a broken reference still renders, and the repair command fixes it."""

    @pytest.mark.parametrize("html", BROKEN)
    def test_public_page_renders_the_link_as_text(self, client, article, html):
        store_body(article, html)
        response = client.get(article.url)
        assert response.status_code == 200
        assert "这篇文章" in response.text
        assert 'linktype="' not in response.text

    @pytest.mark.parametrize("html", BROKEN)
    def test_edit_view_opens(self, chinese_admin, article, html):
        store_body(article, html)
        response = chinese_admin.get(f"/admin/pages/{article.pk}/edit/")
        assert response.status_code == 200

    def test_repair_command_unwraps_broken_links_once(self, article):
        store_body(article, BROKEN[0])
        out = io.StringIO()
        call_command("repair_rich_text", stdout=out)
        assert f"{article.pk}" in out.getvalue()
        assert '<a linktype="page" id="abc">' in out.getvalue()
        page = ArticlePage.objects.get(pk=article.pk)
        assert page.body_zh_hans[0].value.source == "<p>见这篇文章。</p>"
        latest = page.get_latest_revision_as_object()
        assert latest.body_zh_hans[0].value.source == "<p>见这篇文章。</p>"
        again = io.StringIO()
        call_command("repair_rich_text", stdout=again)
        assert "Nothing to repair." in again.getvalue()

    def test_repair_removes_what_the_block_does_not_offer(self, article):
        store_body(article, '<h2>小标题</h2><p>正文<embed embedtype="media" url="x"/></p>')
        call_command("repair_rich_text", stdout=io.StringIO())
        page = ArticlePage.objects.get(pk=article.pk)
        assert page.body_zh_hans[0].value.source == "小标题<p>正文</p>"


class TestFeatures:
    """Each rich-text block offers a short explicit list of features, and keeps to it."""

    def test_paragraph_features(self):
        assert ArticleBodyBlock().child_blocks["paragraph"].features == [
            "bold",
            "italic",
            "link",
            "document-link",
            "ol",
            "ul",
            "subscript",
            "superscript",
        ]

    def test_no_rich_text_block_offers_embeds_images_or_headings(self):
        def rich_text_blocks(block):
            if isinstance(block, StrictRichTextBlock):
                yield block
            for child in getattr(block, "child_blocks", {}).values():
                yield from rich_text_blocks(child)
            if hasattr(block, "child_block"):
                yield from rich_text_blocks(block.child_block)

        found = list(rich_text_blocks(ArticleBodyBlock()))
        # Paragraph, quote, list items, the old blocks' summary and key findings, the trial
        # card's note and the study summary's key findings.
        assert len(found) == 7
        for block in found:
            assert block.features
            assert not {"embed", "image", "h1", "h2", "h3", "h4", "h5", "h6"} & set(block.features)

    @pytest.mark.parametrize(
        ("html", "message"),
        [
            ('<p><embed embedtype="image" id="1" format="left" alt=""/></p>', "images"),
            ("<p>x</p><script>alert(1)</script>", "<script>"),
            ("<h3>x</h3>", "headings"),
        ],
    )
    def test_programmatic_values_are_checked_too(self, html, message):
        block = StrictRichTextBlock(features=PARAGRAPH_FEATURES)
        with translation.override("en"), pytest.raises(ValidationError, match=message):
            block.clean(block.to_python(html))

    def test_allowed_markup_passes(self):
        block = StrictRichTextBlock(features=PARAGRAPH_FEATURES)
        html = '<p><b>a</b> <i>b</i> x<sup>2</sup> <a href="https://x.org">c</a></p><ul><li>d</li></ul>'
        assert block.clean(block.to_python(html)).source == html
