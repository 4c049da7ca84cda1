"""The article page: disclaimer, structured body, machine-readable data and social cards."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from publisher.models import SiteSettings
from tests.factories import (
    DISCLAIMER_EN,
    DISCLAIMER_ZH,
    make_article,
    make_disclaimer,
    make_image,
)
from tests.test_blocks import REFERENCES, STUDY, TABLE, TRIAL

pytestmark = pytest.mark.django_db

FULL_BODY = [
    {"type": "heading", "value": {"text": "背景", "level": "h2"}},
    {"type": "paragraph", "value": "<p>国际分子科学杂志发表了一篇研究文章[1]。</p>"},
    {"type": "study", "value": STUDY},
    {"type": "table", "value": TABLE},
    {"type": "trial", "value": TRIAL},
    {
        "type": "trial",
        "value": {
            **TRIAL,
            "registry_id": "NCT02675556",
            "status": "TERMINATED",
            "why_stopped": "Lack of funding",
        },
    },
    {"type": "references", "value": REFERENCES},
]


def get(client, article, language):
    """GET the article in `language`."""
    with translation.override(language):
        url = article.get_url()
    response = client.get(url)
    assert response.status_code == 200
    return response


def json_ld(response):
    """Every JSON-LD object on the page."""
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.text, re.DOTALL
    )
    return [json.loads(script) for script in scripts]


def news_article(response):
    """The page's NewsArticle JSON-LD object."""
    found = [data for data in json_ld(response) if data.get("@type") == "NewsArticle"]
    assert len(found) == 1
    return found[0]


class TestDisclaimer:
    def test_shown_when_the_body_was_emptied(self, client, site_tree):
        _home, index = site_tree
        article = make_article(index, en=False, body=[])
        html = get(client, article, "zh-hans").text
        assert '<aside class="disclaimer" role="note"' in html
        assert DISCLAIMER_ZH in html

    def test_shown_in_english_when_the_body_has_no_text(self, client, site_tree):
        # An article without an English body is not published in English, so the
        # emptiest English article has a body without text.
        _home, index = site_tree
        heading_only = [{"type": "heading", "value": {"text": "Background", "level": "h2"}}]
        article = make_article(index, body=heading_only)
        html = get(client, article, "en").text
        assert '<aside class="disclaimer" role="note"' in html
        assert DISCLAIMER_EN in html

    @pytest.mark.parametrize("language", ["zh-hans", "en"])
    def test_every_article_carries_one(self, client, site_tree, language):
        _home, index = site_tree
        articles = [make_article(index, n) for n in range(1, 4)]
        articles.append(make_article(index, 4, body=FULL_BODY))
        for article in articles:
            assert get(client, article, language).text.count('class="disclaimer"') == 1

    def test_chosen_variant_replaces_the_default(self, client, site_tree):
        _home, index = site_tree
        variant = make_disclaimer(en="This article covers a clinical trial; not medical advice.")
        article = make_article(index, disclaimer=variant)
        assert "本文涉及临床试验" in get(client, article, "zh-hans").text
        english = get(client, article, "en").text
        assert "covers a clinical trial" in english
        assert DISCLAIMER_EN not in english

    def test_variant_without_english_falls_back_to_the_default(self, client, site_tree):
        _home, index = site_tree
        article = make_article(index, disclaimer=make_disclaimer(en=""))
        assert DISCLAIMER_EN in get(client, article, "en").text

    def test_no_english_anywhere_refuses_publishing_a_translated_article(self, site_tree):
        _home, index = site_tree
        SiteSettings.objects.update(default_disclaimer_en="")
        article = make_article(index, live=False, disclaimer=make_disclaimer(en=""))
        article.live = True
        with translation.override("en"):
            with pytest.raises(ValidationError) as caught:
                article.save_revision().publish()
            assert str(caught.value.message_dict["disclaimer"][0]) == (
                "This article cannot be published without a medical disclaimer in English. "
                "Choose a disclaimer with text in that language or fill in the site's default "
                "disclaimer."
            )

    def test_english_variant_makes_up_for_an_empty_default(self, client, site_tree):
        _home, index = site_tree
        SiteSettings.objects.update(default_disclaimer_en="")
        article = make_article(index, disclaimer=make_disclaimer(en="Not medical advice."))
        assert "Not medical advice." in get(client, article, "en").text

    def test_variant_without_english_is_fine_for_a_chinese_only_article(self, client, site_tree):
        _home, index = site_tree
        article = make_article(index, en=False, disclaimer=make_disclaimer(en=""))
        assert article.live
        assert "本文涉及临床试验" in get(client, article, "zh-hans").text

    def test_no_default_in_chinese_refuses_publishing(self, site_tree):
        _home, index = site_tree
        SiteSettings.objects.update(default_disclaimer_zh_hans="")
        with pytest.raises(ValidationError) as caught:
            make_article(index, en=False)
        assert "简体中文" in str(caught.value.message_dict["disclaimer"][0])

    def test_a_draft_may_lack_a_disclaimer(self, site_tree):
        _home, index = site_tree
        SiteSettings.objects.update(default_disclaimer_zh_hans="", default_disclaimer_en="")
        article = make_article(index, live=False)
        assert not article.live

    def test_each_revision_records_the_disclaimer_it_carried(self, site_tree):
        _home, index = site_tree
        article = make_article(index)
        article.refresh_from_db()
        first = article.live_revision.content
        assert first["disclaimer_text_zh_hans"] == DISCLAIMER_ZH
        assert first["disclaimer_text_en"] == DISCLAIMER_EN

        article.disclaimer = make_disclaimer(en="Trial news is not medical advice.")
        with translation.override("zh-hans"):
            article.save_revision().publish()
        article.refresh_from_db()
        second = article.live_revision.content
        assert second["disclaimer_text_en"] == "Trial news is not medical advice."
        # The earlier revision still says what readers saw then.
        assert article.revisions.order_by("pk").first().content["disclaimer_text_en"] == (
            DISCLAIMER_EN
        )


class TestBody:
    @pytest.mark.parametrize(
        ("language", "labels"),
        [
            ("zh-hans", ["表1", "招募中", "已终止", "参考资料", "1期/2期"]),
            ("en", ["Table 1", "Recruiting", "Terminated", "References", "Phase 1/Phase 2"]),
        ],
    )
    def test_every_block_renders(self, client, site_tree, language, labels):
        _home, index = site_tree
        article = make_article(index, body=FULL_BODY)
        html = get(client, article, language).text
        assert "<h2>背景</h2>" in html
        assert '<a class="citation-ref" href="#ref-1">[1]</a>' in html
        assert 'id="ref-1"' in html
        assert "<i>Int. J. Mol. Sci.</i> <b>2025</b>" in html
        assert 'href="https://clinicaltrials.gov/study/NCT02675556"' in html
        for label in labels:
            assert label in html

    def test_figures_are_numbered_with_an_accessible_image(self, client, site_tree):
        _home, index = site_tree
        figure = {
            "image": make_image().pk,
            "alt_text": "MSC 与 NSC 的作用示意",
            "caption": "示意图",
            "credit": "IJMS",
        }
        article = make_article(
            index, body=[{"type": "figure", "value": figure}, {"type": "figure", "value": figure}]
        )
        html = get(client, article, "en").text
        assert '<figure class="figure" id="figure-2">' in html
        assert 'alt="MSC 与 NSC 的作用示意"' in html
        assert '<span class="figure-label">Figure 2</span>' in html


class TestStructuredData:
    def test_news_article_with_citations_and_trials(self, client, site_tree):
        _home, index = site_tree
        article = make_article(
            index, body=FULL_BODY, source="杭吉干细胞所", lead_image=make_image()
        )
        data = news_article(get(client, article, "en"))
        assert data["@context"] == "https://schema.org"
        for key in ("headline", "datePublished", "dateModified", "author", "image", "publisher"):
            assert data[key], key
        assert data["headline"] == "Stem cell news 1"
        assert data["inLanguage"] == "en"
        assert data["author"] == {"@type": "Organization", "name": "杭吉干细胞所"}
        assert data["publisher"]["name"] == "Hangji Stem Cell News"
        assert data["image"][0].startswith("http://testserver/")
        # The study summary and the first reference cite one work: it is listed once.
        citations = data["citation"]
        assert [c["@type"] for c in citations] == ["MedicalScholarlyArticle"] * 2
        assert [c.get("url") for c in citations] == [
            "https://doi.org/10.3390/ijms26178306",
            "https://example.org/x",
        ]
        assert citations[0]["identifier"] == {
            "@type": "PropertyValue",
            "propertyID": "DOI",
            "value": "10.3390/ijms26178306",
        }
        trials = data["mentions"]
        assert [t["@type"] for t in trials] == ["MedicalTrial", "MedicalTrial"]
        assert trials[0]["code"]["codeValue"] == "NCT03265808"
        assert trials[0]["status"] == "https://schema.org/Recruiting"
        assert trials[1]["status"] == "https://schema.org/Terminated"
        assert "https://schema.org/DoubleBlindedTrial" in trials[0]["trialDesign"]
        assert trials[0]["healthCondition"][0] == {
            "@type": "MedicalCondition",
            "name": "Major depressive disorder",
        }
        assert trials[0]["sponsor"] == {"@type": "Organization", "name": "University of Miami"}

    def test_chinese_page_says_so(self, client, site_tree):
        _home, index = site_tree
        data = news_article(get(client, make_article(index), "zh-hans"))
        assert data["inLanguage"] == "zh-Hans"
        assert data["headline"] == "干细胞新闻1"
        assert "citation" not in data, "schema.org consumers reject empty arrays"

    def test_publisher_is_the_author_with_its_url_when_no_source_is_named(self, client, site_tree):
        _home, index = site_tree
        data = news_article(get(client, make_article(index), "en"))
        assert data["author"] == {
            "@type": "Organization",
            "name": data["publisher"]["name"],
            "url": "http://testserver/",
        }

    def test_editor_text_cannot_close_the_script(self, client, site_tree):
        _home, index = site_tree
        article = make_article(index, title_en="</script><script>alert(1)</script>")
        response = get(client, article, "en")
        assert "<script>alert(1)" not in response.text
        assert news_article(response)["headline"] == "</script><script>alert(1)</script>"

    def test_opengraph_and_twitter(self, client, site_tree):
        _home, index = site_tree
        article = make_article(index, lead_image=make_image())
        html = get(client, article, "en").text
        assert '<meta property="og:type" content="article">' in html
        assert '<meta property="og:title" content="Stem cell news 1">' in html
        assert '<meta property="og:locale" content="en_US">' in html
        assert '<meta name="twitter:card" content="summary_large_image">' in html
        assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+">', html)
