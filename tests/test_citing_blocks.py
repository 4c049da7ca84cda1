"""Blocks that cite registry records: one record, both languages, no copy of its facts."""

import json
import re

import pytest
from django.test import Client
from django.utils import translation
from wagtail.models import ReferenceIndex
from wagtail.test.utils.form_data import rich_text, streamfield
from wagtail.users.models import UserProfile

from articles.blocks.records import MissingRecord
from articles.models import ArticlePage
from registry.models import ClinicalTrial, Publication
from registry.samples import load_missing_samples
from tests.admin_forms import edit, form_data
from tests.factories import make_article, make_site
from tests.test_article_page import json_ld

pytestmark = pytest.mark.django_db

MISSING_ZH = "所选记录已不存在,请另选一条。"


def in_editor_data(text):
    """`text` as the block editor's JSON options carry it (non-ASCII escaped)."""
    return json.dumps(text)[1:-1]


NOT_SAVED_ZH = "存在验证错误，无法保存页面。"


def trial_card(trial, note=""):
    return {"type": "trial_record", "value": {"trial": trial, "note": note}}


def study(publication, **commentary):
    return {"type": "study_record", "value": {"publication": publication, **commentary}}


def references(*publications):
    return {"type": "reference_list", "value": {"references": list(publications)}}


@pytest.fixture
def records():
    """The sample records by registry id and DOI."""
    samples = load_missing_samples()
    return {**samples.trials, **samples.publications}


@pytest.fixture
def index():
    _home, index = make_site()
    return index


def page_html(client, article, language):
    with translation.override(language):
        url = article.get_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.text


def news_article(html):
    class Response:
        text = html

    return next(d for d in json_ld(Response) if d.get("@type") == "NewsArticle")


@pytest.fixture
def chinese_admin(django_user_model):
    user = django_user_model.objects.create_superuser("zh", "zh@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    client = Client()
    client.force_login(user)
    return client


class TestOneRecordBothLanguages:
    def test_both_languages_show_the_facts_of_one_record(self, client, index, records):
        trial = records["NCT02675556"]
        article = make_article(index, body=[trial_card(trial.pk, "<p>说明</p>")])
        chinese = page_html(client, article, "zh-hans")
        english = page_html(client, article, "en")
        assert "已终止" in chinese
        assert "资金不足" in chinese
        assert "Terminated" in english
        assert 'href="https://clinicaltrials.gov/study/NCT02675556"' in chinese
        assert 'href="https://clinicaltrials.gov/study/NCT02675556"' in english

    def test_a_status_change_reaches_every_citing_page_in_both_languages(
        self, client, index, records
    ):
        trial = records["NCT03522545"]
        first = make_article(index, 1, body=[trial_card(trial.pk)])
        second = make_article(index, 2, body=[trial_card(trial.pk)])
        assert "Recruiting" in page_html(client, first, "en")

        trial.status = "COMPLETED"
        trial.save()

        for article in (first, second):
            assert "已完成" in page_html(client, article, "zh-hans")
            english = page_html(client, article, "en")
            assert "Completed" in english
            assert ">Recruiting<" not in english

    def test_the_body_stores_only_the_record_id_and_its_own_words(self, index, records):
        trial = records["NCT03265808"]
        article = make_article(index, body=[trial_card(trial.pk, "<p>本文的说明</p>")])
        stored = ArticlePage.objects.get(pk=article.pk).body_zh_hans.get_prep_value()
        assert [(block["type"], block["value"]) for block in stored] == [
            ("trial_record", {"trial": trial.pk, "note": "<p>本文的说明</p>"})
        ]

    def test_a_study_summary_shows_the_citation_and_this_body_s_commentary(
        self, client, index, records
    ):
        publication = records["10.3390/ijms26178306"]
        body = [study(publication.pk, population="临床前研究", key_findings="<p>主要发现</p>")]
        html = page_html(client, make_article(index, body=body), "zh-hans")
        assert "The Therapeutic Potential of Stem Cells in Depression" in html
        assert "干细胞治疗抑郁症的潜力" in html, "the translated title is shown beside it"
        assert "Jurczenko, L.; Semeniuk, A.; Leszek, J.W." in html
        assert 'href="https://doi.org/10.3390/ijms26178306"' in html
        assert "临床前研究" in html
        assert "主要发现" in html


class TestReferences:
    def test_two_lists_are_numbered_in_one_sequence(self, client, index, records):
        jurczenko, li = records["10.3390/ijms26178306"], records["10.3389/fphar.2024.1476558"]
        body = [references(jurczenko.pk), references(li.pk, jurczenko.pk)]
        html = page_html(client, make_article(index, body=body), "en")
        assert re.findall(r'<li id="ref-(\d)"', html) == ["1", "2", "3"]

    def test_each_work_is_cited_once_in_json_ld(self, client, index, records):
        jurczenko = records["10.3390/ijms26178306"]
        body = [
            study(jurczenko.pk),
            references(jurczenko.pk),
            trial_card(records["NCT03265808"].pk),
        ]
        data = news_article(page_html(client, make_article(index, body=body), "en"))
        assert [c["identifier"]["value"] for c in data["citation"]] == ["10.3390/ijms26178306"]
        assert [t["identifier"]["value"] for t in data["mentions"]] == ["NCT03265808"]


class TestMissingRecords:
    @pytest.mark.parametrize("stored_id", ["deleted", "abc", None, [1, 2], "99999999999999999999"])
    def test_readers_see_nothing_in_its_place(self, client, index, records, stored_id):
        trial = ClinicalTrial.objects.create(registry_id="NCT09999999", status="RECRUITING")
        kept = records["NCT03265808"]
        missing = trial.pk if stored_id == "deleted" else stored_id
        body = [
            trial_card(missing),
            trial_card(kept.pk),
            study(missing),
            references(missing),
        ]
        article = make_article(index, body=body)
        trial.delete()
        for language in ("zh-hans", "en"):
            html = page_html(client, article, language)
            assert html.count('class="block-trial_record"') == 1
            assert "block-study_record" not in html
            assert "block-reference_list" not in html
            data = news_article(html)
            assert [t["identifier"]["value"] for t in data["mentions"]] == ["NCT03265808"]
            assert "citation" not in data

    def test_a_missing_reference_is_left_out_of_the_numbering(self, client, index, records):
        li = records["10.3389/fphar.2024.1476558"]
        html = page_html(client, make_article(index, body=[references(987654, li.pk)]), "en")
        assert re.findall(r'<li id="ref-(\d)"', html) == ["1"]
        assert "Li, J." in html

    def test_saving_the_body_unchanged_keeps_the_stored_id(self, index):
        article = make_article(index, body=[trial_card(424242)])
        assert article.body_zh_hans[0].value["trial"] == MissingRecord(424242)
        article.save()
        raw = ArticlePage.objects.get(pk=article.pk).body_zh_hans.get_prep_value()
        assert raw[0]["value"]["trial"] == 424242

    def test_the_editor_sees_the_block_named_and_a_chinese_error(self, chinese_admin, index):
        trial = ClinicalTrial.objects.create(registry_id="NCT09999998", status="RECRUITING")
        article = make_article(index, body=[trial_card(trial.pk)])
        trial.delete()

        editor = chinese_admin.get(f"/admin/pages/{article.pk}/edit/")
        assert editor.status_code == 200
        assert in_editor_data(MISSING_ZH) in editor.text

        revisions = article.revisions.count()
        posted = form_data([("trial_record", {"trial": str(trial.pk), "note": rich_text("")})])
        response = edit(chinese_admin, article, posted)
        assert response.status_code == 200
        assert NOT_SAVED_ZH in response.text
        assert in_editor_data(MISSING_ZH) in response.text
        assert article.revisions.count() == revisions


class TestEditors:
    def test_the_chinese_admin_publishes_an_article_citing_records(
        self, client, chinese_admin, index, records
    ):
        article = make_article(index)
        trial, publication = records["NCT03265808"], records["10.3389/fphar.2024.1476558"]
        posted = form_data(
            [
                ("trial_record", {"trial": str(trial.pk), "note": rich_text("说明")}),
                (
                    "study_record",
                    {
                        "publication": str(publication.pk),
                        "population": "",
                        "intervention": "",
                        "key_findings": rich_text(""),
                    },
                ),
                ("reference_list", {"references": streamfield([("item", str(publication.pk))])}),
            ]
        )
        assert edit(chinese_admin, article, posted).status_code == 302
        html = page_html(client, article, "zh-hans")
        assert "NCT03265808" in html
        assert 'id="ref-1"' in html

    def test_the_block_picker_offers_the_citing_blocks_and_groups_the_old_ones(
        self, chinese_admin, index
    ):
        html = chinese_admin.get(f"/admin/pages/{make_article(index).pk}/edit/").text
        for label in ("临床试验", "研究摘要", "参考文献", "旧版块", "临床试验(旧)"):
            assert in_editor_data(label) in html

    def test_the_registry_counts_the_article_as_using_the_record(self, index, records):
        trial = records["NCT03265808"]
        article = make_article(index, body=[trial_card(trial.pk)])
        used_by = ReferenceIndex.get_references_to(trial).values_list("object_id", flat=True)
        assert set(used_by) == {str(article.pk)}

    def test_a_publication_cited_live_cannot_be_deleted(self, chinese_admin, index, records):
        publication = records["10.3390/ijms26178306"]
        article = make_article(index, body=[references(publication.pk)])
        url = f"/admin/snippets/registry/publication/delete/{publication.pk}/"
        response = chinese_admin.post(url, follow=True)
        assert Publication.objects.filter(pk=publication.pk).exists()
        assert article.title in " ".join(str(m) for m in response.context["messages"])
