"""A published article is rendered again once committed: its first reader finds it warm."""

import datetime
import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import Category, MedicalReviewer
from cms import warming
from tests.admin_forms import edit, form_data
from tests.factories import make_article, make_image, make_site

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hans", "en"]
# Readers reach the site at its own host (the default Site's), not the test client's.
READER = {"HTTP_HOST": "localhost", "HTTP_ACCEPT_LANGUAGE": "zh-CN,zh;q=0.9,en;q=0.8"}


@pytest.fixture
def article():
    """A published article with every relation an article can show, and a neighbour."""
    _home, index = make_site()
    image = make_image()
    category = Category.objects.create(name_zh_hans="临床", name_en="Clinical", slug="clinical")
    reviewer = MedicalReviewer.objects.create(name="李医生", title="主任医师")
    make_article(index, 1, category=category)
    body = [
        {"type": "paragraph", "value": "<p>正文</p>"},
        {"type": "figure", "value": {"image": image.pk, "caption": "<p>图</p>", "alt_text": "图"}},
    ]
    return make_article(
        index,
        2,
        body=body,
        lead_image=image,
        category=category,
        reviewed_by=reviewer,
        last_reviewed=datetime.date(2025, 9, 1),
    )


def publish_new_title(article, django_capture_on_commit_callbacks):
    """An editor publishes a new title in both languages; the publish is committed."""
    with django_capture_on_commit_callbacks(execute=True):
        article.title_zh_hans = "新标题"
        article.title_en = "New title"
        article.save_revision().publish()


def path(page, language):
    """The page's path in `language`."""
    with translation.override(language):
        return page.get_url()


def queries_of_view(client, url):
    """The number of queries a reader's GET of `url` takes, and its response."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **READER)
    assert response.status_code == 200, url
    return len(queries), response


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_view_after_a_publish_costs_no_more_than_a_warm_view(
    client, article, language, django_capture_on_commit_callbacks
):
    publish_new_title(article, django_capture_on_commit_callbacks)
    url = path(article, language)

    first, response = queries_of_view(client, url)
    warm, _ = queries_of_view(client, url)

    assert first <= warm
    assert ("新标题" if language == "zh-hans" else "New title") in response.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_the_page_cache_on_the_first_reader_after_a_publish_is_served_from_it(
    client, article, language, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    url = path(article, language)
    client.get(url, **READER)

    publish_new_title(article, django_capture_on_commit_callbacks)
    response = client.get(url, **READER, HTTP_ACCEPT_ENCODING="gzip, br")

    assert response["X-Page-Cache"] == "hit"
    response = client.get(url, **READER)
    assert ("新标题" if language == "zh-hans" else "New title") in response.text


def test_the_publish_renders_the_article_in_each_language_and_nothing_else(
    article, monkeypatch, django_capture_on_commit_callbacks
):
    rendered = []
    monkeypatch.setattr(warming, "warm_urls", rendered.extend)
    publish_new_title(article, django_capture_on_commit_callbacks)

    assert rendered == [f"http://localhost{path(article, language)}" for language in LANGUAGES]


def test_a_failing_render_is_logged_and_the_publish_still_lands(
    article, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken_handler():
        raise RuntimeError("template engine down")

    monkeypatch.setattr(warming, "handler", broken_handler)
    with caplog.at_level(logging.ERROR, logger="cms.cache"):
        publish_new_title(article, django_capture_on_commit_callbacks)

    article.refresh_from_db()
    assert article.title_zh_hans == "新标题"
    assert "Warming" in caplog.text


def test_a_site_host_the_settings_refuse_is_logged_not_raised(
    article, settings, caplog, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    with caplog.at_level(logging.WARNING, logger="cms.cache"):
        publish_new_title(article, django_capture_on_commit_callbacks)

    assert "answered 400" in caplog.text


def test_the_editors_language_and_database_connection_survive_warming(
    article, django_capture_on_commit_callbacks
):
    translation.activate("en")
    publish_new_title(article, django_capture_on_commit_callbacks)

    assert translation.get_language() == "en"
    assert connection.connection is not None
    assert type(article).objects.filter(pk=article.pk, live=True).exists()


def test_an_unpublished_article_is_not_rendered(
    article, monkeypatch, django_capture_on_commit_callbacks
):
    rendered = []
    monkeypatch.setattr(warming, "warm_urls", rendered.extend)
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert rendered == []


def test_a_publish_from_the_admin_leaves_the_new_page_in_the_page_cache(
    client, admin_client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    _home, index = make_site()
    article = make_article(index, 1)
    url = path(article, "en")
    client.get(url, **READER)

    with django_capture_on_commit_callbacks(execute=True):
        response = edit(admin_client, article, form_data(title_en="Published from the admin"))
    assert response.status_code == 302

    response = client.get(url, **READER)
    assert response["X-Page-Cache"] == "hit"
    assert "Published from the admin" in response.text


def test_an_article_without_english_is_rendered_in_chinese_only(
    monkeypatch, caplog, django_capture_on_commit_callbacks
):
    _home, index = make_site()
    rendered = []
    monkeypatch.setattr(warming, "warm_urls", rendered.extend)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(index, 1, en=False)

    assert rendered == [f"http://localhost{path(article, 'zh-hans')}"]
