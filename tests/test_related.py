"""Related articles: those citing the same trials or papers first, then same category, then tags."""

import re

import pytest
from django.utils import translation

from articles.models import ArticlePage, Category
from registry.models import ClinicalTrial, Publication
from tests.factories import make_article, make_site
from tests.test_registry_admin import cite

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(module_db):
    """The subject (number 8) and its neighbours; numbers are dates, so higher is newer."""
    _home, index = make_site()
    trials = Category.objects.create(name_zh_hans="临床试验", name_en="Trials", slug="trials")
    other = Category.objects.create(name_zh_hans="综述", name_en="Reviews", slug="reviews")
    trial = ClinicalTrial.objects.create(registry_id="NCT12345678", title_zh_hans="试验")
    paper = Publication.objects.create(doi="10.1000/xyz", title="Paper", study_type="other")
    pages = {}
    pages["cites trial"] = make_article(index, 1, category=other)
    pages["cites paper in chinese"] = make_article(index, 2)
    pages["same category"] = make_article(index, 3, category=trials)
    pages["same tag"] = make_article(index, 4)
    pages["unrelated"] = make_article(index, 5, category=other)
    pages["same category, chinese only"] = make_article(index, 6, category=trials, en=False)
    pages["same category, draft"] = make_article(index, 7, category=trials, live=False)
    pages["subject"] = make_article(index, 8, category=trials)
    pages["lonely"] = make_article(index, 9)
    for name in ("same tag", "subject"):
        pages[name].tags.add("exosomes")
        pages[name].save_revision().publish()
    # ReferenceIndex rows as the citing blocks make them, per language of the body.
    for field in ("body_zh_hans", "body_en"):
        cite(pages["cites trial"], trial, field)
        cite(pages["subject"], trial, field)
    cite(pages["cites paper in chinese"], paper, "body_zh_hans")
    cite(pages["subject"], paper, "body_zh_hans")
    cite(
        pages["unrelated"], ClinicalTrial.objects.create(registry_id="NCT87654321"), "body_zh_hans"
    )
    return {name: ArticlePage.objects.get(pk=page.pk) for name, page in pages.items()}


def names(site, articles):
    """The fixture names of `articles`."""
    by_pk = {page.pk: name for name, page in site.items()}
    return [by_pk[article.pk] for article in articles]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh-hans",
            [
                "cites paper in chinese",
                "cites trial",
                "same category, chinese only",
                "same category",
                "same tag",
            ],
        ),
        # The paper is cited only by the Chinese bodies; untranslated articles are not offered.
        ("en", ["cites trial", "same category", "same tag"]),
    ],
)
def test_citations_first_then_category_then_tags_newest_first(site, language, expected):
    with translation.override(language):
        assert names(site, site["subject"].related(limit=10)) == expected


def test_three_by_default(site):
    assert len(site["subject"].related()) == 3


def test_an_article_sharing_nothing_has_none(site):
    assert list(site["lonely"].related()) == []


def test_it_is_never_its_own_related_article(site):
    with translation.override("zh-hans"):
        related = names(site, site["same category"].related(limit=10))
    assert "same category" not in related
    assert related[0] == "subject"
    assert "same category, draft" not in related


def test_the_query_count_is_bounded(site, django_assert_max_num_queries):
    with translation.override("en"), django_assert_max_num_queries(4):
        related = list(site["subject"].related())
        for article in related:
            assert article.topic_links is not None
            assert article.lead_image is None


@pytest.mark.parametrize(
    ("path", "titles"),
    [
        ("/zh-hans/news/article-8/", ["干细胞新闻2", "干细胞新闻1", "干细胞新闻6"]),
        ("/en/news/article-8-en/", ["Stem cell news 1", "Stem cell news 3", "Stem cell news 4"]),
    ],
)
def test_the_article_page_shows_three_under_a_heading(client, site, path, titles):
    html = client.get(path).text
    section = re.search(r'<section class="related-articles"[^>]*>(.*?)</section>', html, re.S)
    assert section is not None
    assert re.search(r'<h2 id="related-heading">[^<]+</h2>', section[1])
    assert re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', section[1]) == titles


def test_no_section_without_related_articles(client, site):
    assert 'class="related-articles"' not in client.get("/en/news/article-9-en/").text
