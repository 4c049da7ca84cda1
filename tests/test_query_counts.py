"""SQL queries per uncached page view (page cache off), pinned per page type and language.

Measured, with the render cache warm (settings, navigation, article fragments):
- article 7: the site, routing (home, news, the article with its lead image, category,
  reviewer and disclaimer: 4), view restrictions (2); the breadcrumbs, topics, related articles
  and previous/next are cached fragments, as the body is;
- article after a publish (render cache retired) 17: + settings, navigation (2), body images,
  previous and next (1 each), the breadcrumbs' ancestors, the article's tags, the related
  articles and their tags;
- news index 11: the site, routing (3), view restrictions (2), public() (1), the page of
  articles by id (its count and ids are kept until a publish), their lead images' renditions
  and their tags; home 9 (the latest article
  leads, then cards with their tags), contact 8 (with its breadcrumbs).
The same at 10 and at 300 articles (tests/test_article_pager.py for the article).
"""

import datetime

import pytest
from django.utils import translation

from articles.models import Category, MedicalReviewer
from common import render_cache
from tests.factories import (
    bulk_articles,
    make_article,
    make_contact_page,
    make_image,
    make_site,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hans", "en"]
ARTICLE = 7
ARTICLE_AFTER_PUBLISH = 17
PAGES = {"news index": 11, "home": 9, "contact": 8}


def figure_body(image):
    """A body of a paragraph and a figure of `image`."""
    return [
        {"type": "paragraph", "value": "<p>正文</p>"},
        {"type": "figure", "value": {"image": image.pk, "caption": "<p>图</p>", "alt_text": "图"}},
    ]


@pytest.fixture(scope="module")
def pages(module_db):
    """Home, contact, a news index of 12 articles; the middle one with every relation set."""
    home, index = make_site()
    make_contact_page(home)
    image = make_image()
    category = Category.objects.create(name_zh_hans="临床", name_en="Clinical", slug="clinical")
    reviewer = MedicalReviewer.objects.create(name="李医生", title="主任医师")
    for n in range(1, 6):
        make_article(index, n, category=category)
    article = make_article(
        index,
        6,
        body=figure_body(image),
        lead_image=image,
        category=category,
        reviewed_by=reviewer,
        last_reviewed=datetime.date(2025, 9, 1),
    )
    bulk_articles(index, range(7, 13), category=category)
    contact = home.get_children().last()
    return {"home": home, "news index": index, "contact": contact, "article": article}


def url(page, language):
    """The page's path in `language`."""
    with translation.override(language):
        return page.specific.get_url()


def get(client, path):
    """GET `path`, expecting a page."""
    response = client.get(path)
    assert response.status_code == 200, path
    return response


@pytest.mark.parametrize("language", LANGUAGES)
class TestArticle:
    def test_a_render_takes_at_most_the_pinned_queries(
        self, client, pages, language, django_assert_max_num_queries
    ):
        path = url(pages["article"], language)
        get(client, path)
        with django_assert_max_num_queries(ARTICLE):
            get(client, path)

    def test_after_a_publish_a_few_more(
        self, client, pages, language, django_assert_max_num_queries
    ):
        path = url(pages["article"], language)
        get(client, path)
        render_cache.bump()
        with django_assert_max_num_queries(ARTICLE_AFTER_PUBLISH):
            get(client, path)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", sorted(PAGES))
def test_other_pages_take_at_most_the_pinned_queries(
    client, pages, language, page_type, django_assert_max_num_queries
):
    path = url(pages[page_type], language)
    get(client, path)
    with django_assert_max_num_queries(PAGES[page_type]):
        get(client, path)
