"""Specification: old bodies' typed-in trials and studies become records both languages cite."""

import io
import uuid

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models import JSONField
from django.db.models.functions import Cast
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision

from articles.models import ArticlePage
from articles.record_conversion import RecordConversion
from registry.models import CitationConflict, ClinicalTrial, Publication
from registry.samples import load_samples
from tests.factories import make_article

TRIAL = {
    "registry_id": "NCT03265808",
    "summary": "<p>四周一次。</p>",
    "phases": ["PHASE1", "PHASE2"],
    "allocation": "RANDOMIZED",
    "masking": "DOUBLE",
    "placebo_controlled": True,
    "enrollment": 80,
    "enrollment_type": "ESTIMATED",
    "status": "RECRUITING",
    "why_stopped": "",
    "sponsor": "University of Miami",
    "start_date": "2019-05",
    "completion_date": "",
}
TRIAL_ZH = {
    **TRIAL,
    "title": "异体间充质干细胞治疗酒精使用障碍合并抑郁",
    "conditions": ["抑郁症"],
    "interventions": ["间充质干细胞"],
}
TRIAL_EN = {
    **TRIAL,
    "title": "Allogeneic hMSC infusion in alcohol use disorder with depression",
    "summary": "<p>Once every four weeks.</p>",
    "conditions": ["Major depressive disorder"],
    "interventions": ["Mesenchymal stem cells"],
}
REVIEW = {
    "authors": ["Jurczenko, L.", "Semeniuk, A.", "Leszek, J.W."],
    "title": "The Therapeutic Potential of Stem Cells in Depression",
    "journal": "Int. J. Mol. Sci.",
    "year": 2025,
    "volume": "26",
    "issue": "",
    "pages": "8306",
    "published_date": "2025-08-27",
    "doi": "10.3390/IJMS26178306",
    "study_type": "review",
    "population": "抑郁症患者",
    "intervention": "干细胞",
    "key_findings": "<p>有效。</p>",
}


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def article_with(index, zh, en, n=1):
    """A published article whose two bodies are `zh` and `en` (None: not translated)."""
    article = make_article(index, n, body=zh, en=en is not None)
    if en is not None:
        article.body_en = en
        article.save_revision().publish()
    return article


def raw_body(article, language):
    column = f"body_{language}"
    return ArticlePage.objects.annotate(raw=Cast(column, JSONField())).get(pk=article.pk).raw


def convert():
    out = io.StringIO()
    RecordConversion(apps, stdout=out).run()
    return out.getvalue()


@pytest.fixture
def index(site_tree):
    return site_tree[1]


@pytest.mark.django_db
class TestTrials:
    def test_agreeing_languages_cite_one_record_with_each_language_text(self, index):
        article = article_with(index, [block("trial", TRIAL_ZH)], [block("trial", TRIAL_EN)])
        convert()
        trial = ClinicalTrial.objects.get()
        assert (trial.registry_id, trial.status, trial.phases) == (
            "NCT03265808",
            "RECRUITING",
            ["PHASE1", "PHASE2"],
        )
        assert trial.title_zh_hans == TRIAL_ZH["title"]
        assert trial.title_en == TRIAL_EN["title"]
        assert trial.conditions_en == "Major depressive disorder"
        assert (trial.start_date.isoformat(), trial.start_date_precision) == ("2019-05-01", "MONTH")
        for language, note in (
            ("zh_hans", "<p>四周一次。</p>"),
            ("en", "<p>Once every four weeks.</p>"),
        ):
            [cited] = raw_body(article, language)
            assert cited["type"] == "trial_record"
            assert cited["value"] == {"trial": trial.pk, "note": note}
        assert not CitationConflict.objects.exists()

    def test_disagreeing_languages_keep_the_chinese_fact_and_report_the_english(self, index):
        english = {**TRIAL_EN, "status": "TERMINATED", "why_stopped": "Funding ended"}
        article = article_with(index, [block("trial", TRIAL_ZH)], [block("trial", english)])
        output = convert()
        trial = ClinicalTrial.objects.get()
        assert trial.status == "RECRUITING"
        conflict = CitationConflict.objects.get(field="status")
        assert (conflict.kept_value, conflict.other_value, conflict.language) == (
            "RECRUITING",
            "TERMINATED",
            "en",
        )
        assert conflict.page_id == article.pk
        assert "NCT03265808 status: kept 'RECRUITING'" in output
        assert raw_body(article, "en")[0]["value"]["trial"] == trial.pk

    def test_a_chinese_only_body_makes_a_record_without_english(self, index):
        article = article_with(index, [block("trial", TRIAL_ZH)], None)
        convert()
        trial = ClinicalTrial.objects.get()
        assert (trial.title_zh_hans, trial.title_en or "") == (TRIAL_ZH["title"], "")
        assert raw_body(article, "zh_hans")[0]["type"] == "trial_record"

    def test_a_record_already_stored_is_cited_and_its_facts_win(self, index):
        load_samples()
        stored = ClinicalTrial.objects.get(registry_id="NCT03265808")
        count = ClinicalTrial.objects.count()
        typed = {**TRIAL_ZH, "registry_id": "nct03265808", "enrollment": 12345}
        article = article_with(index, [block("trial", typed)], None)
        convert()
        assert ClinicalTrial.objects.count() == count
        assert ClinicalTrial.objects.get(pk=stored.pk).enrollment == stored.enrollment
        assert CitationConflict.objects.filter(field="enrollment", other_value="12345").exists()
        assert raw_body(article, "zh_hans")[0]["value"]["trial"] == stored.pk

    def test_a_malformed_registry_id_stays_as_typed_and_is_reported(self, index):
        article = article_with(index, [block("trial", {**TRIAL_ZH, "registry_id": "abc"})], None)
        convert()
        assert raw_body(article, "zh_hans")[0]["type"] == "trial"
        assert not ClinicalTrial.objects.exists()
        assert CitationConflict.objects.get().field == "registry_id"


@pytest.mark.django_db
class TestPublications:
    def test_a_study_and_a_reference_with_one_doi_cite_one_publication(self, index):
        reference = {k: v for k, v in REVIEW.items() if k not in ("study_type", "population")}
        reference["doi"] = "https://doi.org/10.3390/ijms26178306"
        body = [block("study", REVIEW), block("references", {"references": [reference]})]
        article = article_with(index, body, body)
        convert()
        publication = Publication.objects.get()
        assert publication.doi == "10.3390/ijms26178306"
        assert publication.study_type == "review"
        assert [(a.family, a.given) for a in publication.authors.order_by("sort_order")] == [
            ("Jurczenko", "L."),
            ("Semeniuk", "A."),
            ("Leszek", "J.W."),
        ]
        study, references = raw_body(article, "en")
        assert study["type"] == "study_record"
        assert study["value"]["publication"] == publication.pk
        assert study["value"]["key_findings"] == "<p>有效。</p>"
        assert references["type"] == "reference_list"
        assert [item["value"] for item in references["value"]["references"]] == [publication.pk]
        assert not CitationConflict.objects.exists()

    def test_a_chinese_title_becomes_the_translated_title(self, index):
        chinese = {**REVIEW, "title": "干细胞治疗抑郁症的潜力"}
        article_with(index, [block("study", chinese)], [block("study", REVIEW)])
        convert()
        publication = Publication.objects.get()
        assert publication.title == REVIEW["title"]
        assert publication.translated_title_zh_hans == "干细胞治疗抑郁症的潜力"
        assert list(CitationConflict.objects.values_list("field", "other_value")) == []

    def test_a_reference_without_doi_or_url_keeps_its_list_as_typed(self, index):
        unknown = {"authors": ["Doe, J."], "title": "Lost work", "doi": "", "url": ""}
        article = article_with(index, [block("references", {"references": [unknown]})], None)
        convert()
        assert raw_body(article, "zh_hans")[0]["type"] == "references"
        assert CitationConflict.objects.get().record_key == "Lost work"


@pytest.mark.django_db
class TestRevisionsAndReruns:
    def test_the_latest_revision_is_converted_and_older_ones_stay_readable(self, index):
        article = article_with(index, [block("trial", TRIAL_ZH)], None)
        published = ArticlePage.objects.get(pk=article.pk).live_revision
        article.body_zh_hans = [block("trial", {**TRIAL_ZH, "enrollment": 90})]
        draft = article.save_revision()
        convert()
        content = Revision.objects.get(pk=draft.pk).content
        assert '"trial_record"' in content["body_zh_hans"]
        assert '"type": "trial"' in Revision.objects.get(pk=published.pk).content["body_zh_hans"]
        assert CitationConflict.objects.get().source == "revision"

    def test_a_second_run_changes_nothing(self, index):
        english = {**TRIAL_EN, "enrollment": 81}
        article_with(index, [block("trial", TRIAL_ZH)], [block("trial", english)])
        convert()
        before = (ClinicalTrial.objects.count(), CitationConflict.objects.count())
        output = convert()
        assert (ClinicalTrial.objects.count(), CitationConflict.objects.count()) == before
        assert "0 articles converted" in output


@pytest.mark.django_db
class TestConflictReport:
    @pytest.fixture
    def conflict(self, index):
        english = {**TRIAL_EN, "status": "COMPLETED"}
        article_with(index, [block("trial", TRIAL_ZH)], [block("trial", english)])
        convert()
        return CitationConflict.objects.get()

    def test_registry_editors_read_it_in_the_chinese_admin(self, conflict, django_user_model):
        client = Client()
        client.force_login(django_user_model.objects.create_superuser("r", "r@example.com", "pw"))
        response = client.get(reverse(CitationConflict.snippet_viewset.get_url_name("list")))
        assert response.status_code == 200
        assert "NCT03265808" in response.text
        assert "引用冲突" in response.text
        assert "总体状态" in response.text

    def test_nobody_adds_or_edits_an_entry(self, conflict, django_user_model):
        client = Client()
        client.force_login(django_user_model.objects.create_superuser("r", "r@example.com", "pw"))
        viewset = CitationConflict.snippet_viewset
        assert client.get(reverse(viewset.get_url_name("add"))).status_code in (302, 403)
        edit = reverse(viewset.get_url_name("edit"), args=[conflict.pk])
        assert client.get(edit).status_code in (302, 403)

    def test_an_editor_without_registry_rights_does_not_see_it(self, conflict, django_user_model):
        user = django_user_model.objects.create_user("ed", "ed@example.com", "pw")
        group = Group.objects.create(name="No registry")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
        client = Client()
        client.force_login(user)
        response = client.get(reverse(CitationConflict.snippet_viewset.get_url_name("list")))
        assert response.status_code in (302, 403)
