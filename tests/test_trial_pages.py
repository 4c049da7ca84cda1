"""A public page per trial and language, listing the articles citing it; an index; the sitemap."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms import cache_invalidation
from registry.models import ClinicalTrial
from registry.samples import load_missing_samples
from tests import schema_org, sitemaps
from tests.factories import make_article, make_site
from tests.test_article_page import json_ld

pytestmark = pytest.mark.django_db

TRIAL = "/{language}/trials/nct03265808/"


def cite(trial):
    return [{"type": "trial_record", "value": {"trial": trial.pk, "note": ""}}]


@pytest.fixture
def trials():
    return load_missing_samples().trials


@pytest.fixture
def index():
    _home, index = make_site()
    return index


def trial_data(response):
    return next(d for d in json_ld(response) if d.get("@type") == "MedicalTrial")


def article_titles(html):
    return re.findall(
        r'<article class="article-card[^"]*">.*?<a href="[^"]+">([^<]+)</a>', html, re.S
    )


class TestTrialPage:
    @pytest.mark.parametrize("language", ["zh-hans", "en"])
    def test_shows_the_facts_registry_link_and_citing_articles_newest_first(
        self, client, index, trials, language
    ):
        trial = trials["NCT03265808"]
        make_article(index, 1, date=datetime.date(2025, 1, 1), body=cite(trial))
        make_article(index, 2, date=datetime.date(2025, 6, 1), body=cite(trial))
        make_article(index, 3, date=datetime.date(2025, 3, 1), body=cite(trials["NCT02675556"]))
        response = client.get(TRIAL.format(language=language))
        assert response.status_code == 200
        html = response.text
        assert 'href="https://clinicaltrials.gov/study/NCT03265808"' in html
        assert (
            f"<h1>{trial.title_zh_hans if language == 'zh-hans' else trial.title_en}</h1>" in html
        )
        expected = ["干细胞新闻2", "干细胞新闻1"] if language == "zh-hans" else None
        expected = expected or ["Stem cell news 2", "Stem cell news 1"]
        assert article_titles(html) == expected

    def test_json_ld_is_a_medical_trial_about_this_page(self, client, index, trials):
        trial = trials["NCT03265808"]
        article = make_article(index, body=cite(trial))
        response = client.get(TRIAL.format(language="en"))
        data = trial_data(response)
        assert data["identifier"]["value"] == "NCT03265808"
        assert data["mainEntityOfPage"] == "http://testserver/en/trials/nct03265808/"
        assert data["subjectOf"] == [
            {
                "@type": "NewsArticle",
                "headline": "Stem cell news 1",
                "url": f"http://testserver/en/news/{article.slug_en}/",
            }
        ]
        assert schema_org.problems(data) == []

    def test_drafts_private_and_untranslated_articles_are_not_listed(self, client, index, trials):
        trial = trials["NCT03265808"]
        make_article(index, 1, body=cite(trial), live=False)
        private = make_article(index, 2, body=cite(trial))
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        make_article(index, 3, body=cite(trial), en=False)
        assert article_titles(client.get(TRIAL.format(language="en")).text) == []
        assert article_titles(client.get(TRIAL.format(language="zh-hans")).text) == ["干细胞新闻3"]

    def test_another_spelling_redirects_to_the_lowercase_address(self, client, trials):
        response = client.get("/zh-hans/trials/NCT03265808/")
        assert response.status_code == 301
        assert response["Location"] == "/zh-hans/trials/nct03265808/"

    @pytest.mark.parametrize("registry_id", ["nct0326580", "x" * 300, "nct03265808x", "%00", "1"])
    def test_a_malformed_id_is_a_404_without_looking_it_up(self, client, trials, registry_id):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/en/trials/{registry_id}/")
        assert response.status_code == 404
        assert not [q for q in queries if "registry_clinicaltrial" in q["sql"]]

    def test_an_unknown_trial_is_a_404(self, client, trials):
        assert client.get("/zh-hans/trials/nct00000001/").status_code == 404

    def test_no_english_title_means_no_english_page_and_a_link_to_the_chinese(self, client, trials):
        trial = ClinicalTrial.objects.create(
            registry_id="NCT01234567", title_zh_hans="只有中文", status="RECRUITING"
        )
        response = client.get("/en/trials/nct01234567/")
        assert response.status_code == 404
        assert 'href="/zh-hans/trials/nct01234567/"' in response.text
        chinese = client.get("/zh-hans/trials/nct01234567/").text
        assert "只有中文" in chinese
        assert 'hreflang="en"' not in chinese.split("<body", 1)[0], "no English alternate"
        assert trial.is_shown_in("zh-hans")
        assert not trial.is_shown_in("en")

    def test_the_trial_card_links_to_the_trial_page(self, client, index, trials):
        article = make_article(index, body=cite(trials["NCT03265808"]))
        html = client.get(f"/en/news/{article.slug_en}/").text
        assert 'href="/en/trials/nct03265808/"' in html


class TestIndexAndSitemap:
    def test_the_index_lists_the_trials_shown_in_each_language(self, client, trials):
        ClinicalTrial.objects.create(
            registry_id="NCT01234567", title_zh_hans="只有中文", status="RECRUITING"
        )
        chinese = client.get("/zh-hans/trials/").text
        english = client.get("/en/trials/").text
        assert chinese.count('href="/zh-hans/trials/nct') == 4
        assert english.count('href="/en/trials/nct') == 3
        assert "nct01234567" not in english

    @pytest.mark.parametrize("page", ["abc", "-1", "99999", "1e9"])
    def test_any_page_number_answers(self, client, trials, page):
        assert client.get(f"/en/trials/?page={page}").status_code == 200

    def test_the_sitemap_lists_each_trial_with_its_languages(self, client, trials):
        ClinicalTrial.objects.create(
            registry_id="NCT01234567", title_zh_hans="只有中文", status="RECRUITING"
        )
        xml = sitemaps.xml_text(client)
        assert "<loc>http://testserver/zh-hans/trials/nct03265808/</loc>" in xml
        assert "<loc>http://testserver/en/trials/nct03265808/</loc>" in xml
        assert 'hreflang="en" href="http://testserver/en/trials/nct03265808/"' in xml
        assert "<loc>http://testserver/zh-hans/trials/nct01234567/</loc>" in xml
        assert "http://testserver/en/trials/nct01234567/" not in xml


class TestPurges:
    def test_a_trial_change_purges_its_pages_and_the_index(self, index, trials):
        trial = trials["NCT03265808"]
        article = make_article(index, body=cite(trial))
        paths = cache_invalidation.urls_for_object(trial)
        assert {
            "/zh-hans/trials/nct03265808/",
            "/en/trials/nct03265808/",
            "/zh-hans/trials/",
            "/en/trials/",
            f"/en/news/{article.slug_en}/",
        } <= paths

    def test_publishing_an_article_purges_the_trials_it_cites_and_stopped_citing(
        self, index, trials, monkeypatch
    ):
        article = make_article(index, body=cite(trials["NCT03265808"]))
        purged = []
        monkeypatch.setattr(cache_invalidation, "purge", lambda paths, **_: purged.append(paths))
        article.body_zh_hans = cite(trials["NCT02675556"])
        article.body_en = cite(trials["NCT02675556"])
        article.save_revision().publish()
        paths = set().union(*purged)
        assert "/zh-hans/trials/nct02675556/" in paths
        assert "/en/trials/nct03265808/" in paths, "the trial it no longer cites lists it no more"
