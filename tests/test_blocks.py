"""Article body blocks: what editors may enter, the message they see otherwise, and the HTML."""

import pytest
from django.utils import timezone, translation
from wagtail.blocks.struct_block import StructBlockValidationError

from articles.blocks import (
    SAMPLE_CITATION,
    ArticleBodyBlock,
    ClinicalTrialBlock,
    ReferenceBlock,
    StudySummaryBlock,
)

STUDY = {**SAMPLE_CITATION, "study_type": "review"}

TRIAL = {
    "registry_id": "NCT03265808",
    "title": "Allogeneic MSCs in alcohol use disorder and major depression",
    "phases": ["PHASE2", "PHASE1"],
    "allocation": "RANDOMIZED",
    "masking": "DOUBLE",
    "placebo_controlled": True,
    "conditions": ["Major depressive disorder", "Alcohol use disorder"],
    "interventions": ["Allogeneic human MSCs"],
    "enrollment": 80,
    "enrollment_type": "ESTIMATED",
    "status": "RECRUITING",
    "why_stopped": "",
    "sponsor": "University of Miami",
    "start_date": "2018-05",
    "completion_date": "2026-12-31",
}


def cleaned(block, raw, **changes):
    """The block's cleaned value for `raw` with `changes` applied."""
    return block.clean(block.to_python({**raw, **changes}))


def errors(block, raw, language="en", **changes):
    """The messages an editor sees, per field, when saving `raw` with `changes` in `language`."""
    with translation.override(language):
        with pytest.raises(StructBlockValidationError) as caught:
            cleaned(block, raw, **changes)
        return {name: str(error.messages[0]) for name, error in caught.value.block_errors.items()}


class TestTrialValidation:
    @pytest.mark.parametrize(
        "registry_id", ["NCT03265808", "ChiCTR2000029990", "ChiCTR-IOR-17013524"]
    )
    def test_registry_ids_accepted(self, registry_id):
        assert cleaned(ClinicalTrialBlock(), TRIAL, registry_id=registry_id)["registry_id"]

    @pytest.mark.parametrize(
        "registry_id", ["NCT0326580", "NCT032658089", "nct03265808", "ISRCTN1"]
    )
    def test_bad_registry_id(self, registry_id):
        assert errors(ClinicalTrialBlock(), TRIAL, registry_id=registry_id) == {
            "registry_id": "Enter an NCT number (NCT followed by 8 digits) or a ChiCTR number."
        }

    @pytest.mark.parametrize("status", ["TERMINATED", "SUSPENDED", "WITHDRAWN"])
    def test_stopped_trial_needs_a_reason(self, status):
        assert errors(ClinicalTrialBlock(), TRIAL, status=status) == {
            "why_stopped": "Say why the trial was terminated, suspended or withdrawn."
        }

    def test_stopped_trial_with_a_reason_is_accepted(self):
        value = cleaned(ClinicalTrialBlock(), TRIAL, status="TERMINATED", why_stopped="Funding")
        assert value["why_stopped"] == "Funding"

    @pytest.mark.parametrize("status", ["RECRUITING", "COMPLETED", "UNKNOWN"])
    def test_running_trial_refuses_a_reason(self, status):
        assert errors(ClinicalTrialBlock(), TRIAL, status=status, why_stopped="Funding") == {
            "why_stopped": "Only a terminated, suspended or withdrawn trial has a reason for "
            "stopping."
        }

    def test_negative_enrollment(self):
        assert errors(ClinicalTrialBlock(), TRIAL, enrollment=-1) == {
            "enrollment": "Enrollment cannot be negative."
        }

    def test_zero_enrollment_is_accepted(self):
        assert cleaned(ClinicalTrialBlock(), TRIAL, enrollment=0)["enrollment"] == 0

    @pytest.mark.parametrize("date", ["2019", "2019-13", "2019-02-30", "05/2019", "2019-5"])
    def test_bad_dates(self, date):
        assert errors(ClinicalTrialBlock(), TRIAL, start_date=date) == {
            "start_date": "Enter a date as YYYY-MM or YYYY-MM-DD, e.g. 2019-05."
        }

    @pytest.mark.parametrize(
        ("start", "end"),
        [("2019-05", "2019-04-30"), ("2019-05-10", "2019-05-09"), ("2020-01", "2019-12")],
    )
    def test_completion_before_start(self, start, end):
        assert errors(ClinicalTrialBlock(), TRIAL, start_date=start, completion_date=end) == {
            "completion_date": "The completion date cannot be before the start date."
        }

    @pytest.mark.parametrize(
        ("start", "end"), [("2019-05", "2019-05-01"), ("2019-05-10", "2019-05")]
    )
    def test_same_month_at_different_precision_is_accepted(self, start, end):
        value = cleaned(ClinicalTrialBlock(), TRIAL, start_date=start, completion_date=end)
        assert value["completion_date"] == end

    def test_every_problem_is_reported_at_once(self):
        assert set(
            errors(
                ClinicalTrialBlock(),
                TRIAL,
                registry_id="X",
                status="WITHDRAWN",
                enrollment=-1,
                completion_date="2001-01",
            )
        ) == {"registry_id", "why_stopped", "enrollment", "completion_date"}


class TestStudyValidation:
    def test_doi_link_is_normalised(self):
        value = cleaned(StudySummaryBlock(), STUDY, doi=" https://doi.org/10.3390/ijms26178306 ")
        assert value["doi"] == "10.3390/ijms26178306"

    @pytest.mark.parametrize(
        "doi",
        ["10.1000/ABC(12)-x;y:z", "doi:10.1016/j.cell.2020.01.001", "10.1002/(SICI)1097-0258"],
    )
    def test_crossref_style_dois_accepted(self, doi):
        assert cleaned(StudySummaryBlock(), STUDY, doi=doi)["doi"].startswith("10.")

    @pytest.mark.parametrize(
        "doi", ["3390/ijms26178306", "10.33/ijms", "10.3390/ijms 26", "https://x.org/1"]
    )
    def test_bad_doi(self, doi):
        assert errors(StudySummaryBlock(), STUDY, doi=doi) == {
            "doi": "Enter a DOI such as 10.3390/ijms26178306."
        }

    def test_year_3025_is_refused(self):
        assert errors(StudySummaryBlock(), STUDY, year=3025) == {
            "year": f"Enter a year between 1800 and {NEXT_YEAR}."
        }

    @pytest.mark.parametrize("year", [1799, 0, -2025])
    def test_years_before_1800_are_refused(self, year):
        assert set(errors(StudySummaryBlock(), STUDY, year=year)) == {"year"}

    def test_next_year_is_accepted_for_articles_in_press(self):
        year = timezone.localdate().year + 1
        assert cleaned(StudySummaryBlock(), STUDY, year=year)["year"] == year

    def test_empty_author_list_message(self):
        assert errors(StudySummaryBlock(), STUDY, authors=[]) == {
            "authors": "Add at least one author."
        }

    def test_reference_doi_and_year_follow_the_same_rules(self):
        reference = {"authors": ["Smulevich, A.B."], "title": "Cord blood cells", "year": 3025}
        assert errors(ReferenceBlock(), reference, doi="nonsense") == {
            "year": f"Enter a year between 1800 and {timezone.localdate().year + 1}.",
            "doi": "Enter a DOI such as 10.3390/ijms26178306.",
        }


NEXT_YEAR = timezone.localdate().year + 1


class TestChineseMessages:
    """Chinese editors see each refusal in Chinese (from the zh_Hans message catalogue)."""

    @pytest.mark.parametrize(
        ("block", "raw", "changes", "expected"),
        [
            (
                ClinicalTrialBlock,
                TRIAL,
                {"registry_id": "NCT123"},
                {"registry_id": "请输入NCT编号（NCT加8位数字）或ChiCTR编号。"},
            ),
            (
                ClinicalTrialBlock,
                TRIAL,
                {"status": "TERMINATED"},
                {"why_stopped": "请说明试验终止、暂停或撤回的原因。"},
            ),
            (
                ClinicalTrialBlock,
                TRIAL,
                {"status": "RECRUITING", "why_stopped": "资金不足"},
                {"why_stopped": "只有已终止、暂停或撤回的试验才需填写停止原因。"},
            ),
            (ClinicalTrialBlock, TRIAL, {"enrollment": -5}, {"enrollment": "入组人数不能为负数。"}),
            (
                ClinicalTrialBlock,
                TRIAL,
                {"start_date": "2019-13"},
                {"start_date": "请按YYYY-MM或YYYY-MM-DD格式输入日期，例如2019-05。"},
            ),
            (
                ClinicalTrialBlock,
                TRIAL,
                {"start_date": "2020-01", "completion_date": "2019-12"},
                {"completion_date": "完成日期不能早于开始日期。"},
            ),
            (
                StudySummaryBlock,
                STUDY,
                {"doi": "3390/ijms26178306"},
                {"doi": "请输入形如10.3390/ijms26178306的DOI。"},
            ),
            (
                StudySummaryBlock,
                STUDY,
                {"year": 3025},
                {"year": f"请输入1800至{NEXT_YEAR}之间的年份。"},
            ),
            (StudySummaryBlock, STUDY, {"authors": []}, {"authors": "请至少添加一位作者。"}),
        ],
        ids=[
            "registry-id",
            "stopped-without-reason",
            "reason-while-recruiting",
            "negative-enrollment",
            "bad-date",
            "completion-before-start",
            "doi",
            "year-3025",
            "no-authors",
        ],
    )
    def test_message(self, block, raw, changes, expected):
        assert errors(block(), raw, "zh-hans", **changes) == expected


class TestStudyDisplay:
    def test_citation_in_mdpi_acs_style(self):
        value = cleaned(StudySummaryBlock(), STUDY)
        assert str(value.citation_html) == (
            "Jurczenko, L.; Semeniuk, A.; Leszek, J.W. The Therapeutic Potential of Stem Cells in "
            "Depression. <i>Int. J. Mol. Sci.</i> <b>2025</b>, <i>26</i>, 8306."
        )

    def test_citation_escapes_editor_text(self):
        value = cleaned(StudySummaryBlock(), STUDY, title="A <script> study")
        assert "&lt;script&gt;" in value.citation_html
        assert "<script>" not in value.citation_html

    def test_citation_with_issue_and_without_pages(self):
        value = cleaned(StudySummaryBlock(), STUDY, issue="17", pages="")
        assert str(value.citation_html).endswith("<b>2025</b>, <i>26</i> (17).")

    def test_doi_url(self):
        assert cleaned(StudySummaryBlock(), STUDY).doi_url == "https://doi.org/10.3390/ijms26178306"
        assert cleaned(StudySummaryBlock(), STUDY, doi="").doi_url == ""

    def test_rendering_links_the_doi(self):
        with translation.override("en"):
            html = StudySummaryBlock().render(cleaned(StudySummaryBlock(), STUDY))
        assert '<a href="https://doi.org/10.3390/ijms26178306"' in html
        assert "<i>Int. J. Mol. Sci.</i>" in html
        assert "Review" in html


class TestTrialDisplay:
    def test_labels_in_english(self):
        with translation.override("en"):
            value = cleaned(ClinicalTrialBlock(), TRIAL)
            assert value.phase_label == "Phase 1/Phase 2"
            assert value.status_label == "Recruiting"
            assert value.design_summary == "Randomised, Double blind, Placebo-controlled"
            assert value.enrollment_text == "80 participants (estimated)"

    @pytest.mark.parametrize(
        ("status", "state"),
        [
            ("RECRUITING", "open"),
            ("ACTIVE_NOT_RECRUITING", "active"),
            ("COMPLETED", "completed"),
            ("TERMINATED", "stopped"),
            ("UNKNOWN", "unknown"),
        ],
    )
    def test_status_badge_state(self, status, state):
        why = "Funding" if state == "stopped" else ""
        value = cleaned(ClinicalTrialBlock(), TRIAL, status=status, why_stopped=why)
        assert value.status_css == f"badge badge--{state}"

    def test_registry_urls(self):
        assert (
            cleaned(ClinicalTrialBlock(), TRIAL).registry_url
            == "https://clinicaltrials.gov/study/NCT03265808"
        )
        chictr = cleaned(ClinicalTrialBlock(), TRIAL, registry_id="ChiCTR2000029990")
        assert chictr.registry_url == (
            "https://www.chictr.org.cn/searchproj.html?regno=ChiCTR2000029990"
        )

    def test_card_has_heading_facts_badge_text_and_registry_link(self):
        value = cleaned(ClinicalTrialBlock(), TRIAL, status="TERMINATED", why_stopped="Funding")
        with translation.override("en"):
            html = ClinicalTrialBlock().render(value)
        assert html.strip().startswith('<section class="trial-card"')
        # Alone (an admin preview) the card heads a top-level section; in a body, see
        # test_heading_outline.
        assert '<h2 id="trial-NCT03265808" class="trial-title">' in html
        assert '<span class="badge badge--stopped">Terminated</span>' in html
        assert "<dt>Why stopped</dt>" in html
        assert '<a href="https://clinicaltrials.gov/study/NCT03265808"' in html


def body(*blocks):
    """A body StreamValue from (type, value) pairs."""
    block = ArticleBodyBlock()
    return block.to_python([{"type": t, "value": v} for t, v in blocks])


TABLE = {
    "caption": "Key findings",
    "table": {"data": [["Model", "Result"], ["WKY rat", "Less immobility"]]},
}
REFERENCES = {
    "references": [
        {**STUDY, "url": "", "study_type": None},
        {"authors": ["Smulevich, A.B."], "title": "Cord blood", "url": "https://example.org/x"},
    ]
}


class TestBodyRendering:
    def test_tables_are_numbered_in_order_and_accessible(self):
        value = body(("table", TABLE), ("paragraph", "<p>x</p>"), ("table", TABLE))
        with translation.override("en"):
            html = value.render_as_block()
        assert html.index("Table 1") < html.index("Table 2")
        assert '<th scope="col">Model</th>' in html
        assert "<td>WKY rat</td>" in html
        assert 'id="table-2"' in html

    def test_table_numbers_in_chinese(self):
        with translation.override("zh-hans"):
            html = body(("table", TABLE)).render_as_block()
        assert "表1" in html

    def test_references_are_numbered_with_anchors(self):
        html = body(("references", REFERENCES)).render_as_block()
        assert 'id="ref-1"' in html
        assert 'id="ref-2"' in html
        assert "[2]" in html
        assert '<a href="https://example.org/x"' in html

    def test_inline_citations_link_to_the_reference(self):
        value = body(
            ("paragraph", '<p>研究文章[1]。见 <a href="https://x.org">[2]</a>,[9]。</p>'),
            ("references", REFERENCES),
        )
        html = value.render_as_block()
        assert '研究文章<a class="citation-ref" href="#ref-1">[1]</a>。' in html
        # Existing links and numbers without a reference stay as they are.
        assert '<a href="https://x.org">[2]</a>' in html
        assert "[9]" in html
        assert 'href="#ref-9"' not in html

    def test_citations_without_a_reference_list_stay_text(self):
        html = body(("paragraph", "<p>文章[1]。</p>")).render_as_block()
        assert "#ref-1" not in html

    def test_second_reference_list_continues_the_numbering(self):
        value = body(("references", REFERENCES), ("references", REFERENCES))
        html = value.render_as_block()
        assert 'id="ref-3"' in html
        assert 'id="ref-4"' in html

    @pytest.mark.parametrize(
        ("block_type", "raw", "expected"),
        [
            ("heading", {"text": "结论", "level": "h2"}, "<h2>结论</h2>"),
            # A subsection with no section before it would skip a level: it is shown as one.
            ("heading", {"text": "结论", "level": "h3"}, "<h2>结论</h2>"),
            (
                "quote",
                {"text": "<p>引文</p>", "attribution": "作者", "style": "quote"},
                "<blockquote>",
            ),
            (
                "quote",
                {"text": "<p>提示</p>", "attribution": "", "style": "callout"},
                '<aside class="callout" role="note">',
            ),
            (
                "list",
                {"ordered": True, "items": ["<p>一</p>", "<p>二</p>"]},
                '<ol class="content-list">',
            ),
            ("list", {"ordered": False, "items": ["<p>一</p>"]}, '<ul class="content-list">'),
        ],
    )
    def test_simple_blocks(self, block_type, raw, expected):
        assert expected in body((block_type, raw)).render_as_block()

    def test_every_block_has_icon_template_and_label(self):
        for name, child in ArticleBodyBlock().child_blocks.items():
            assert child.meta.icon, name
            assert child.meta.template.startswith("components/streamfield/blocks/"), name
            assert str(child.label), name

    @pytest.mark.django_db
    def test_preview_values_render(self):
        for name, child in ArticleBodyBlock().child_blocks.items():
            preview = child.get_preview_value()
            if preview is not None and name != "figure":
                assert child.render(preview), name
