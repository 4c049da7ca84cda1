"""Malformed admin posts for every block of the article body: a form error, never a 500."""

import json

import pytest
from wagtail.test.utils.form_data import rich_text, streamfield

from articles.blocks import ArticleBodyBlock
from registry.models import ClinicalTrial, Publication
from tests.admin_forms import edit, form_data
from tests.factories import make_image

pytestmark = pytest.mark.django_db

NOT_SAVED = "The page could not be saved due to validation errors."
TABLE = {
    "data": [["Model", "Result"], ["WKY rat", "Less immobility"]],
    "table_header_choice": "row",
    "first_row_is_table_header": True,
    "first_col_is_header": False,
}


def items(*values):
    """A list block's posted items."""
    return streamfield([("item", value) for value in values])


def valid_values(image_pk, records):
    """A well-formed posted value of each block type."""
    reference = {
        "authors": items("Li, J."),
        "title": "Stem cells",
        "journal": "",
        "year": "2024",
        "volume": "",
        "pages": "",
        "doi": "",
        "url": "",
    }
    return {
        "heading": {"text": "背景", "level": "h2"},
        "paragraph": rich_text("正文"),
        "quote": {"text": rich_text("引文"), "attribution": "", "style": "quote"},
        "list": {"ordered": "", "items": items(rich_text("一"))},
        "figure": {"image": str(image_pk), "alt_text": "示意图", "caption": "图注", "credit": ""},
        "table": {"caption": "表", "table": json.dumps(TABLE), "source": ""},
        "trial_record": {"trial": str(records["trial"]), "note": rich_text("")},
        "study_record": {
            "publication": str(records["publication"]),
            "population": "",
            "intervention": "",
            "key_findings": rich_text("发现"),
        },
        "reference_list": {"references": items(str(records["publication"]))},
        "study": {
            **reference,
            "journal": "Front. Pharmacol.",
            "issue": "",
            "published_date": "2024-11-25",
            "study_type": "review",
            "population": "",
            "intervention": "",
            "key_findings": rich_text("发现"),
        },
        "trial": {
            "registry_id": "NCT03265808",
            "title": "Trial",
            "summary": rich_text(""),
            "phases": "PHASE1",
            "allocation": "",
            "masking": "",
            "placebo_controlled": "",
            "conditions": items("Depression"),
            "interventions": items("MSC"),
            "enrollment": "30",
            "enrollment_type": "ESTIMATED",
            "status": "RECRUITING",
            "why_stopped": "",
            "sponsor": "",
            "start_date": "",
            "completion_date": "",
        },
        "references": {"references": items(reference)},
    }


JSON_JUNK = ["[1,2,3]", "42", '"text"', "{", "{}", '{"a": {"b": []}}']
# Draftail posts null for an empty editor: malformed only where text is required.
REQUIRED_RICH_TEXT_JUNK = [*JSON_JUNK, "null", '{"blocks": 5}', '{"blocks": [{"text": 5}]}']
# A chooser's posted id: not a number, no such record, out of any integer's range, none.
CHOSEN_ID_JUNK = ["abc", "99999", "[1,2,3]", "-1", "99999999999999999999", ""]
# (block type, posted field under the block's value, malformed values)
MALFORMED = [
    ("heading", "text", ["", "x" * 201]),
    ("heading", "level", ["h9", "[1,2,3]"]),
    ("paragraph", "", REQUIRED_RICH_TEXT_JUNK),
    ("quote", "text", REQUIRED_RICH_TEXT_JUNK),
    ("quote", "style", ["loud"]),
    ("list", "items-count", ["abc", "-1", "0"]),
    ("list", "items-0-value", REQUIRED_RICH_TEXT_JUNK),
    ("figure", "image", CHOSEN_ID_JUNK),
    ("figure", "alt_text", [""]),
    (
        "table",
        "table",
        [
            *JSON_JUNK,
            "null",
            '{"data": 5}',
            '{"data": [1, 2]}',
            '{"data": [[1, 2]]}',
            '{"data": [["a", {"b": 1}]]}',
            '{"data": [["a"]], "table_header_choice": []}',
        ],
    ),
    ("trial_record", "trial", CHOSEN_ID_JUNK),
    ("trial_record", "note", JSON_JUNK),
    ("study_record", "publication", CHOSEN_ID_JUNK),
    ("study_record", "key_findings", JSON_JUNK),
    ("reference_list", "references-count", ["abc", "0"]),
    ("reference_list", "references-0-value", CHOSEN_ID_JUNK),
    ("study", "year", ["abc", "1e9", "99999999999999999999", ""]),
    ("study", "published_date", ["2024-13-45", "abc"]),
    ("study", "study_type", ["nonsense"]),
    ("study", "authors-count", ["x", "-3"]),
    ("study", "key_findings", JSON_JUNK),
    ("trial", "enrollment", ["abc", "1.5", "-1"]),
    ("trial", "phases", ["PHASE9"]),
    ("trial", "status", ["X", ""]),
    ("trial", "conditions-count", ["-1", "abc"]),
    ("trial", "summary", JSON_JUNK),
    ("references", "references-count", ["abc", "0"]),
    ("references", "references-0-value-year", ["abc", "99999999999999999999"]),
    ("references", "references-0-value-url", ["javascript:alert(1)", "not a url"]),
    ("references", "references-0-value-authors-count", ["x"]),
]
CASES = [
    pytest.param((block_type, field, value), id=f"{block_type}-{field or 'value'}-{value[:24]}")
    for block_type, field, values in MALFORMED
    for value in values
]


@pytest.fixture(scope="module")
def image_pk(django_db_setup, django_db_blocker):
    """An image that the figure blocks may show."""
    with django_db_blocker.unblock():
        image = make_image()
        yield image.pk
        image.delete()


@pytest.fixture
def records():
    """The ids of a trial and a publication that citing blocks may choose."""
    trial = ClinicalTrial.objects.create(
        registry_id="NCT03265808", title="Trial", status="RECRUITING"
    )
    publication = Publication.objects.create(title="Stem cells", doi="10.3390/ijms26178306")
    return {"trial": trial.pk, "publication": publication.pk}


def test_the_corpus_covers_every_block_type():
    assert {block_type for block_type, _field, _values in MALFORMED} == set(
        ArticleBodyBlock().child_blocks
    )


@pytest.mark.parametrize("block_type", list(ArticleBodyBlock.base_blocks))
def test_each_well_formed_value_is_published(english_admin, article, image_pk, records, block_type):
    values = valid_values(image_pk, records)
    response = edit(english_admin, article, form_data([(block_type, values[block_type])]))
    assert response.status_code == 302


@pytest.mark.parametrize("case", CASES)
def test_malformed_value_is_a_form_error(english_admin, article, image_pk, records, case):
    block_type, field, value = case
    revisions = article.revisions.count()
    data = form_data([(block_type, valid_values(image_pk, records)[block_type])])
    data["-".join(filter(None, ["body_zh_hans-0-value", field]))] = value
    response = edit(english_admin, article, data)
    assert response.status_code == 200
    assert NOT_SAVED in response.text
    assert article.revisions.count() == revisions
