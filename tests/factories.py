"""Small builders for test data: a site with home page, news index and articles."""

import datetime
import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone, translation
from wagtail.models import Page, Site

from articles.models import ArticlePage, NewsIndexPage
from cms.models import ContactPage, HomePage
from common import render_cache
from publisher.models import SiteSettings

DISCLAIMER_ZH = "免责说明:本文仅用于传播科普知识,不构成任何临床诊断建议!"
DISCLAIMER_EN = "Disclaimer: this article shares science news and is not medical advice."


def make_site():
    """Replace Wagtail's welcome page with our home page, settings and news index."""
    with translation.override("zh-hans"):
        root = Page.get_first_root_node()
        home = HomePage(title_zh_hans="首页", title_en="Home", slug_zh_hans="home", slug_en="home")
        root.add_child(instance=home)
        site = Site.objects.get(is_default_site=True)
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.pk != home.pk:
            old_root.delete()
        SiteSettings.objects.update_or_create(
            site=site,
            defaults={
                "site_name_zh_hans": "杭吉干细胞资讯",
                "site_name_en": "Hangji Stem Cell News",
                "tagline_zh_hans": "即时推送国内外干细胞临床医学资讯,为细胞治疗普惠大众而努力!",
                "tagline_en": "Stem-cell clinical news from China and the world.",
                "address_zh_hans": "中国,浙江,杭州",
                "address_en": "Hangzhou, Zhejiang, China",
                "hotline": "400-622-0089",
                "telegram": "+86-139-6700-7000",
                "default_disclaimer_zh_hans": DISCLAIMER_ZH,
                "default_disclaimer_en": DISCLAIMER_EN,
            },
        )
        index = NewsIndexPage(
            title_zh_hans="新闻", title_en="News", slug_zh_hans="news", slug_en="news"
        )
        home.add_child(instance=index)
    return home, index


def paragraph(text):
    """A body holding one paragraph of `text`."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def make_article(index, n=1, *, date=None, en=True, live=True, body=None, **fields):
    """Add an article under `index`; `en=False` leaves it untranslated."""
    values = {
        "title_zh_hans": f"干细胞新闻{n}",
        "slug_zh_hans": f"article-{n}",
        "summary_zh_hans": f"摘要{n}",
        "date": date or datetime.date(2025, 8, 1) + datetime.timedelta(days=n),
        "live": live,
    }
    if en:
        values |= {
            "title_en": f"Stem cell news {n}",
            "slug_en": f"article-{n}-en",
            "summary_en": f"Summary {n}",
        }
    values |= fields
    with translation.override("zh-hans"):
        article = ArticlePage(**values)
        article.body_zh_hans = body if body is not None else paragraph(f"正文{n}")
        if en:
            article.body_en = body if body is not None else paragraph(f"Body {n}")
        index.add_child(instance=article)
        if live:
            article.save_revision().publish()
    return article


def make_contact_page(home, *, to_address="enquiries@example.com", **fields):
    """Add the contact page with its default form fields under `home` and publish it."""
    values = {
        "title_zh_hans": "联系我们",
        "title_en": "Contact us",
        "slug_zh_hans": "contact",
        "slug_en": "contact",
        "intro_zh_hans": "<p>欢迎来电咨询。</p>",
        "intro_en": "<p>Call or write to us.</p>",
        "thank_you_text_zh_hans": "<p>感谢您的留言!</p>",
        "thank_you_text_en": "<p>Thank you for your message!</p>",
        "to_address": to_address,
    } | fields
    with translation.override("zh-hans"):
        page = ContactPage(**values)
        page.create_default_fields()
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def make_image(title="示意图", width=64, height=48):
    """A small PNG image in the Wagtail image library."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="figure.png"))


def make_disclaimer(name="试验新闻", zh="本文涉及临床试验,不构成医疗建议。", en=""):
    """A disclaimer snippet with Chinese and (optionally) English text."""
    from articles.models import Disclaimer

    return Disclaimer.objects.create(name=name, text_zh_hans=zh, text_en=en)


def article_values(n):
    """The fields of article number `n` in both languages."""
    return {
        "title_zh_hans": f"干细胞新闻{n}",
        "title_en": f"Stem cell news {n}",
        "slug_zh_hans": f"article-{n}",
        "slug_en": f"article-{n}-en",
        "summary_zh_hans": f"摘要{n}",
        "summary_en": f"Summary {n}",
        "body_zh_hans": paragraph(f"正文{n}"),
        "body_en": paragraph(f"Body {n}"),
        "date": datetime.date(2025, 8, 1) + datetime.timedelta(days=n),
    }


def bulk_articles(index, numbers, **fields):
    """Insert live articles numbered by `numbers` under `index` in a handful of queries.

    The rows are what `index.add_child()` stores (tree paths, per-language URL paths, disclaimer
    texts, translation state) but without revisions, search index entries or signals, so
    thousands of articles take seconds.
    """
    index.numchild = Page.objects.get(pk=index.pk).numchild
    site_settings = SiteSettings.for_site(index.get_site())
    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    articles = []
    with translation.override("zh-hans"):
        for step, n in enumerate(numbers, start=index.numchild + 1):
            article = ArticlePage(**article_values(n), **fields)
            article.depth = index.depth + 1
            article.path = Page._get_path(index.path, article.depth, step)
            for code, _name in settings.LANGUAGES:
                suffix = code.replace("-", "_")
                slug = getattr(article, f"slug_{suffix}") or article.slug_zh_hans
                parent_path = getattr(index, f"url_path_{suffix}") or index.url_path
                setattr(article, f"url_path_{suffix}", f"{parent_path}{slug}/")
                text = article.resolve_disclaimer(code, site_settings)
                setattr(article, f"disclaimer_text_{suffix}", text)
            article.url_path = article.url_path_zh_hans
            article.draft_title = article.title_zh_hans
            article.content_type = content_type
            article.locale_id = index.locale_id
            article.live = True
            article.first_published_at = article.last_published_at = now
            article.translated_en = article.is_translated("en")
            article.zh_hans_changed_at = article.en_changed_at = now
            articles.append(article)
        pages = Page.objects.bulk_create(
            [Page(**page_columns(article)) for article in articles], batch_size=500
        )
        for article, page in zip(articles, pages, strict=True):
            article.page_ptr_id = article.pk = page.pk
        insert_rows(ArticlePage, articles)
    index.numchild += len(articles)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild)
    # What a publish's purge does: the lists kept in the render cache are read afresh.
    render_cache.bump()
    return articles


def page_columns(page):
    """The values of the wagtailcore_page columns of `page` (a specific page)."""
    return {
        field.attname: field.value_from_object(page)
        for field in Page._meta.concrete_fields
        if not field.primary_key
    }


def insert_rows(model, objects):
    """INSERT the rows of `model`'s own table for `objects` with one executemany.

    Django's bulk_create refuses multi-table inherited models; their parent rows must already
    exist.
    """
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    # Identifiers come from the model's metadata; every value is a query parameter.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        [field.get_db_prep_save(field.pre_save(obj, add=True), connection) for field in fields]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def enquiry(**overrides):
    """A valid submission as a person's browser sends it, honeypot left empty."""
    return {
        "name": "王小明",
        "phone_or_email": "xiaoming@example.com",
        "message": "请问间充质干细胞治疗抑郁症的临床试验还在招募吗?",
        "consent": "on",
        # The page was displayed a minute ago; robots post at once.
        "whf_name": "",
        "whf_time": ContactPage.honeypot_timestamp(time.time() - 60),
    } | overrides


def post(client, lang="zh-hans", **overrides):
    """Send the contact form on the page in `lang`."""
    return client.post(f"/{lang}/contact/", enquiry(**overrides))
