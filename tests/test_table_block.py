"""The table block: the editor's header choice is honoured, its caption is a table caption, and
empty rows and columns never reach readers."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from articles.blocks.media import RowsTableBlock, TableFigureBlock, without_blank_lines

ROWS = [["Model", "Result"], ["WKY rat", "Less immobility"]]
CHOICES = {
    "neither": (False, False),
    "row": (True, False),
    "column": (False, True),
    "both": (True, True),
}


def table(choice, rows=ROWS, **extra):
    """A table value as the admin's table editor posts it, cleaned by the block."""
    raw = {"data": rows, "table_header_choice": choice, **extra}
    return RowsTableBlock().clean(raw)


def rendered(table_value):
    """The table block's HTML for a table value."""
    block = TableFigureBlock()
    value = block.to_python({"caption": "Key findings", "table": table_value, "source": ""})
    with translation.override("en"):
        return block.render(value)


class TestHeaderChoice:
    """Each of the editor's four choices gives its own markup."""

    @pytest.mark.parametrize("choice", CHOICES)
    def test_the_choice_decides_which_cells_are_headings(self, choice):
        first_row, first_col = CHOICES[choice]
        html = rendered(table(choice))
        assert ('<th scope="col">Model</th>' in html) is first_row
        assert ("<thead>" in html) is first_row
        assert ('<th scope="row">WKY rat</th>' in html) is first_col
        if not first_row:
            assert '<th scope="row">Model</th>' in html if first_col else "<td>Model</td>" in html

    def test_without_headings_every_row_is_a_body_row(self):
        html = rendered(table("neither"))
        assert html.count("<tr>") == 2
        assert "<th" not in html

    def test_a_table_stored_before_the_choice_keeps_its_heading_row(self):
        html = rendered({"data": ROWS})
        assert '<th scope="col">Model</th>' in html
        assert "<td>WKY rat</td>" in html


class TestBlankLines:
    """Empty rows and columns, such as the editor's empty 3 by 3 start, are dropped on save."""

    def test_the_default_grid_keeps_only_what_was_typed(self):
        grid = [["Model", "", None], ["WKY rat", None, ""], [None, " ", None]]
        assert table("row", grid)["data"] == [["Model"], ["WKY rat"]]

    def test_an_empty_column_in_the_middle_is_dropped(self):
        grid = [["a", "", "c"], ["d", None, "f"]]
        assert table("row", grid)["data"] == [["a", "c"], ["d", "f"]]

    def test_cell_settings_move_with_their_cells(self):
        cells = [{"row": 2, "col": 2, "className": "htRight"}, {"row": 1, "col": 0}]
        grid = [["a", "", "c"], ["", "", ""], ["g", "", "i"]]
        cleaned = without_blank_lines({"data": grid, "cell": cells})
        assert cleaned["data"] == [["a", "c"], ["g", "i"]]
        assert cleaned["cell"] == [{"row": 1, "col": 1, "className": "htRight"}]

    def test_short_rows_are_padded_before_columns_are_compared(self):
        assert table("row", [["a", "b"], ["c"]])["data"] == [["a", "b"], ["c", None]]

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("zh-hans", "表格是空的：请至少填写一个单元格。"),
            ("en", "The table is empty: fill in at least one cell."),
        ],
    )
    def test_an_empty_table_is_refused_with_a_clear_message(self, language, message):
        with pytest.raises(ValidationError) as error:
            table("row", [[None, ""], ["", " "]])
        with translation.override(language):
            assert error.value.messages == [message]


class TestLabels:
    """Editors see a table caption, not a figure caption."""

    @pytest.mark.parametrize(("language", "label"), [("zh-hans", "表题"), ("en", "Table caption")])
    def test_the_caption_is_labelled_as_a_table_caption(self, language, label):
        with translation.override(language):
            assert str(TableFigureBlock().child_blocks["caption"].label) == label


class TestPhoneScrolling:
    """A table wider than a phone scrolls inside a region keyboard users can reach."""

    def test_the_table_sits_in_a_focusable_region_named_by_its_caption(self):
        html = rendered(table("row"))
        region = re.search(
            r'<div class="table-scroll" role="region" tabindex="0" aria-label="([^"]*)">', html
        )
        assert region, html
        assert "Key findings" in region.group(1)
        assert html.index("table-scroll") < html.index("<table>")
