"""Trials and publications are stored once: unique ids and DOIs, the rules, the display values."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from registry.choices import normalise_doi, normalise_registry_id
from registry.models import ClinicalTrial, Publication, PublicationAuthor

pytestmark = pytest.mark.django_db


def trial(**fields):
    """An unsaved valid recruiting trial, with `fields` overriding."""
    values = {
        "registry_id": "NCT03522545",
        "title_zh_hans": "辅助性同种异体间充质干细胞治疗难治性双相抑郁症",
        "phases": ["PHASE1"],
        "status": "RECRUITING",
        "enrollment": 30,
    }
    return ClinicalTrial(**(values | fields))


def publication(**fields):
    """An unsaved valid publication, with `fields` overriding."""
    values = {
        "doi": "10.3390/ijms26178306",
        "title": "The Therapeutic Potential of Stem Cells in Depression",
        "journal": "International Journal of Molecular Sciences",
        "journal_abbreviation": "Int. J. Mol. Sci.",
        "year": 2025,
        "volume": "26",
        "pages": "8306",
        "study_type": "review",
    }
    return Publication(**(values | fields))


def errors_of(record):
    """The field names full_clean() complains about."""
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    return set(caught.value.message_dict)


class TestOneRecordPerRegistryId:
    def test_the_id_is_normalised_as_registries_spell_it(self):
        assert normalise_registry_id(" nct03265808 ") == "NCT03265808"
        assert normalise_registry_id("chictr2000012345") == "ChiCTR2000012345"

    @pytest.mark.parametrize("spelling", ["NCT03522545", "nct03522545", "Nct03522545"])
    def test_a_second_trial_with_the_same_id_in_any_case_is_a_form_error(self, spelling):
        trial().save()
        assert "registry_id" in errors_of(trial(registry_id=spelling))

    def test_the_database_refuses_a_duplicate_that_skips_validation(self):
        trial().save()
        duplicate = trial()
        with pytest.raises(IntegrityError), transaction.atomic():
            # Bypass save()'s normalisation: the constraint is on the lower-cased id.
            ClinicalTrial.objects.bulk_create([duplicate])
        with pytest.raises(IntegrityError), transaction.atomic():
            ClinicalTrial.objects.bulk_create([trial(registry_id="nct03522545")])

    @pytest.mark.parametrize("bad", ["NCT123", "NCT0352254X", "12345678", "ChiCTR", ""])
    def test_a_malformed_registry_id_is_refused(self, bad):
        assert "registry_id" in errors_of(trial(registry_id=bad))

    def test_a_chictr_id_is_accepted(self):
        trial(registry_id="ChiCTR2000031234").full_clean()


class TestOnePublicationPerDoi:
    @pytest.mark.parametrize(
        "spelling",
        [
            "10.3390/IJMS26178306",
            "https://doi.org/10.3390/ijms26178306",
            "doi:10.3390/ijms26178306",
            "http://dx.doi.org/10.3390/IJMS26178306",
        ],
    )
    def test_the_same_doi_in_any_case_or_with_a_prefix_is_a_duplicate(self, spelling):
        publication().save()
        assert "doi" in errors_of(publication(doi=spelling))

    def test_the_doi_is_stored_bare_and_lower_case(self):
        record = publication(doi="https://doi.org/10.3390/IJMS26178306")
        record.full_clean()
        record.save()
        assert Publication.objects.get().doi == "10.3390/ijms26178306"
        assert normalise_doi(" DOI: 10.1/ABC ") == "10.1/abc"

    def test_the_database_refuses_a_duplicate_doi_in_another_case(self):
        publication().save()
        with pytest.raises(IntegrityError), transaction.atomic():
            Publication.objects.bulk_create([publication(doi="10.3390/IJMS26178306")])

    def test_works_without_doi_are_one_per_url(self):
        publication(doi="", url="https://example.org/report").save()
        publication(doi="", url="https://example.org/other").full_clean()
        assert "url" in errors_of(publication(doi="", url="https://example.org/report"))

    def test_a_work_needs_a_doi_or_a_url(self):
        assert "doi" in errors_of(publication(doi=""))

    def test_a_malformed_doi_or_year_is_refused(self):
        assert errors_of(publication(doi="11.1/x", year=1700)) == {"doi", "year"}


class TestTrialRules:
    @pytest.mark.parametrize("status", ["TERMINATED", "SUSPENDED", "WITHDRAWN"])
    def test_a_stopped_trial_says_why_in_chinese(self, status):
        assert errors_of(trial(status=status)) == {"why_stopped_zh_hans"}
        trial(status=status, why_stopped_zh_hans="资金不足").full_clean()

    def test_once_english_exists_the_reason_is_needed_in_english_too(self):
        record = trial(status="TERMINATED", why_stopped_zh_hans="资金不足", title_en="A trial")
        assert errors_of(record) == {"why_stopped_en"}
        record.why_stopped_en = "Lack of funding"
        record.full_clean()

    def test_an_english_title_is_needed_once_any_english_exists(self):
        assert errors_of(trial(conditions_en="Depression")) == {"title_en"}

    def test_a_running_trial_has_no_reason_for_stopping(self):
        assert errors_of(trial(why_stopped_zh_hans="资金不足")) == {"why_stopped_zh_hans"}

    def test_completion_cannot_precede_start(self):
        record = trial(
            start_date=datetime.date(2019, 5, 1), completion_date=datetime.date(2019, 4, 30)
        )
        assert errors_of(record) == {"completion_date"}

    def test_month_precision_compares_months(self):
        trial(
            start_date=datetime.date(2019, 5, 20),
            completion_date=datetime.date(2019, 5, 1),
            completion_date_precision="MONTH",
        ).full_clean()

    def test_enrollment_cannot_be_negative(self):
        assert "enrollment" in errors_of(trial(enrollment=-1))

    def test_unknown_phases_are_refused(self):
        assert "phases" in errors_of(trial(phases=["PHASE9"]))

    def test_errors_read_in_chinese(self):
        with pytest.raises(ValidationError) as caught:
            trial(status="TERMINATED", registry_id="x").full_clean()
        text = str(caught.value.message_dict)
        assert "NCT" in text
        assert "终止" in text


class TestTrialDisplay:
    def test_a_phase_1_2_trial_reads_as_one_label_per_language(self):
        record = trial(phases=["PHASE2", "PHASE1"])
        assert record.phase_label == "I/II期"
        with translation.override("en"):
            assert record.phase_label == "Phase 1/2"

    def test_status_label_and_badge_state(self):
        record = trial(status="TERMINATED")
        assert record.status_label == "已终止"
        assert record.status_state == "stopped"
        with translation.override("en"):
            assert record.status_label == "Terminated"
        assert trial(status="RECRUITING").status_state == "open"
        assert trial(status="COMPLETED").status_state == "completed"

    def test_registry_links(self):
        assert trial().registry_url == "https://clinicaltrials.gov/study/NCT03522545"
        chictr = trial(registry_id="ChiCTR2000031234")
        assert chictr.registry_url.startswith("https://www.chictr.org.cn/")
        assert chictr.registry_name == "中国临床试验注册中心"

    def test_design_enrollment_and_dates(self):
        record = trial(
            allocation="RANDOMIZED",
            masking="DOUBLE",
            placebo_controlled=True,
            start_date=datetime.date(2018, 3, 1),
            start_date_precision="MONTH",
            completion_date=datetime.date(2026, 12, 31),
        )
        with translation.override("en"):
            assert record.design_summary == "Randomised, Double blind, Placebo-controlled"
            assert record.enrollment_text == "30 participants (estimated)"
            assert record.dates_text == "March 2018 – Dec. 31, 2026"
        assert record.start_date_text == "2018年3月"

    def test_schema_org_uses_medical_trial_properties_only_and_no_empty_values(self):
        data = trial(conditions_zh_hans="双相抑郁症").schema_org()
        assert "phase" not in data
        assert set(data) <= {
            "@type", "name", "identifier", "url", "status", "trialDesign",
            "healthCondition", "sponsor",
        }  # fmt: skip
        assert "trialDesign" not in data
        assert data["status"] == "https://schema.org/Recruiting"
        assert all(value not in ([], "", None) for value in data.values())

    def test_a_registry_status_schema_org_lacks_is_left_out(self):
        assert "status" not in trial(status="WITHHELD").schema_org()

    def test_records_needing_chinese_are_listed(self):
        trial(title_zh_hans="", title_en="A trial").save()
        trial(registry_id="NCT03265808", title_en="Another").save()
        assert [t.registry_id for t in ClinicalTrial.objects.needing_translation()] == [
            "NCT03522545"
        ]


class TestPublicationDisplay:
    @pytest.fixture
    def review(self):
        record = publication(issue="17")
        record.authors = [
            PublicationAuthor(family="Jurczenko", given="Lukasz"),
            PublicationAuthor(family="Semeniuk", given="A."),
            PublicationAuthor(family="Leszek", given="Jerzy W."),
        ]
        record.save()
        return record

    def test_citation_in_acs_style(self, review):
        assert review.author_list == "Jurczenko, L.; Semeniuk, A.; Leszek, J.W."
        assert str(review.citation_html) == (
            "Jurczenko, L.; Semeniuk, A.; Leszek, J.W. The Therapeutic Potential of Stem Cells "
            "in Depression. <i>Int. J. Mol. Sci.</i> <b>2025</b>, <i>26</i> (17), 8306."
        )
        assert review.doi_url == "https://doi.org/10.3390/ijms26178306"

    def test_the_citation_escapes_markup(self):
        record = publication(title="<script>x</script>")
        record.save()
        assert "<script>" not in str(record.citation_html)

    def test_schema_org_scholarly_article(self, review):
        data = review.schema_org()
        assert data["@type"] == "MedicalScholarlyArticle"
        assert data["author"][2] == {
            "@type": "Person",
            "name": "Jerzy W. Leszek",
            "givenName": "Jerzy W.",
            "familyName": "Leszek",
        }
        assert data["isPartOf"]["isPartOf"]["isPartOf"]["alternateName"] == "Int. J. Mol. Sci."
        assert data["identifier"]["value"] == "10.3390/ijms26178306"
        assert all(value not in ([], "", None) for value in data.values())

    def test_a_work_without_authors_has_no_author_property(self):
        record = publication()
        record.save()
        assert "author" not in record.schema_org()
