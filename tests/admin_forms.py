"""What the Wagtail admin posts for an article, and what the database then holds."""

from django.db import connection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def form_data(body_zh=None, **overrides):
    """What the admin's edit form posts for article 1, with the body as (type, value) pairs."""
    body_zh = body_zh or [("paragraph", rich_text("正文一"))]
    data = nested_form_data(
        {
            "title_zh_hans": "干细胞新闻1",
            "title_en": "Stem cell news 1",
            "slug_zh_hans": "article-1",
            "slug_en": "article-1-en",
            "summary_zh_hans": "摘要1",
            "summary_en": "Summary 1",
            "body_zh_hans": streamfield(body_zh),
            "body_en": streamfield([("paragraph", rich_text("Body one"))]),
            "date": "2025-08-02",
            "comments": inline_formset([]),
        }
    )
    data |= {"action-publish": "action-publish"}
    data |= overrides
    return data


def edit(client, article, data):
    """POST `data` to the article's admin edit view."""
    return client.post(f"/admin/pages/{article.pk}/edit/", data)


def plain_columns(page):
    """The page's untranslated title, slug, url_path and draft_title as stored."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title, slug, url_path, draft_title FROM wagtailcore_page WHERE id = %s",
            [page.pk],
        )
        return cursor.fetchone()
