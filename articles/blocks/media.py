"""Figure and table blocks of the article body, numbered in order of appearance."""

import json

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock


class NumberedBlockMixin:
    """Gives the template `number_label` ("Figure 2") from the number the body assigned."""

    number_label = unnumbered_label = ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        number = context.get("number")
        context["number_label"] = (
            self.number_label % {"number": number} if number else self.unnumbered_label
        )
        return context


class FigureBlock(NumberedBlockMixin, blocks.StructBlock):
    """An image with caption and credit, numbered in order (Figure 1, Figure 2, …)."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=250)

    number_label = _("Figure %(number)s")
    unnumbered_label = _("Figure")

    class Meta:
        icon = "image"
        label = _("Figure")
        template = "components/streamfield/blocks/figure_block.html"
        preview_value = {
            "alt_text": "间充质干细胞分泌神经营养因子的示意图",
            "caption": "干细胞改善抑郁症的机制示意图",
            "credit": "Int. J. Mol. Sci. 2025",
        }
        description = _("An image with its caption and credit, numbered Figure 1, 2, …")


def is_table(value):
    """Whether a posted table is what the table editor sends: rows of text cells."""
    rows = value.get("data") if isinstance(value, dict) else None
    return isinstance(rows, list) and all(
        isinstance(row, list) and all(cell is None or isinstance(cell, str) for cell in row)
        for row in rows
    )


def is_blank(cell):
    """Whether a table cell holds nothing but white space."""
    return not (cell or "").strip()


def kept_indexes(rows):
    """The indexes of the rows and of the columns that hold at least one filled cell."""
    width = max((len(row) for row in rows), default=0)
    padded = [[*row, *[None] * (width - len(row))] for row in rows]
    kept_rows = [i for i, row in enumerate(padded) if not all(map(is_blank, row))]
    kept_cols = [j for j in range(width) if not all(is_blank(row[j]) for row in padded)]
    return padded, kept_rows, kept_cols


def without_blank_lines(table):
    """`table` without its empty rows and columns, cell and merge settings moved with them."""
    padded, kept_rows, kept_cols = kept_indexes(table.get("data") or [])
    row_at = {old: new for new, old in enumerate(kept_rows)}
    col_at = {old: new for new, old in enumerate(kept_cols)}
    table = {**table, "data": [[padded[i][j] for j in kept_cols] for i in kept_rows]}
    for key in ("cell", "mergeCells"):
        entries = table.get(key)
        if isinstance(entries, list):
            table[key] = [
                {**entry, "row": row_at[entry["row"]], "col": col_at[entry["col"]]}
                for entry in entries
                if isinstance(entry, dict)
                and entry.get("row") in row_at
                and entry.get("col") in col_at
            ]
    return table


class RowsTableBlock(TableBlock):
    """The table editor's data: rows of text cells, saved without empty rows and columns."""

    def value_from_form(self, value):
        table = json.loads(value)
        if not is_table(table):
            # The body turns unreadable posts into a form error.
            raise ValueError(value)
        return table

    def to_python(self, value):
        if isinstance(value, dict) and not any(
            key in value
            for key in ("table_header_choice", "first_row_is_table_header", "first_col_is_header")
        ):
            # Tables stored before editors could choose always had their first row as headings.
            value = {**value, "table_header_choice": "row", "first_row_is_table_header": True}
        return super().to_python(value)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        value = without_blank_lines(value)
        if not value["data"]:
            raise ValidationError(_("The table is empty: fill in at least one cell."))
        return value


class TableValue(blocks.StructValue):
    """A table split into its heading row and body rows, as the editor's header choice says."""

    @cached_property
    def _table(self):
        return self.get("table") or {}

    @cached_property
    def _rows(self):
        return [[cell or "" for cell in row] for row in self._table.get("data") or []]

    @property
    def has_header_row(self):
        """Whether the first row holds the column headings."""
        return bool(self._table.get("first_row_is_table_header"))

    @property
    def header_row(self):
        """The first row when it holds column headings, else nothing."""
        return self._rows[0] if self.has_header_row and self._rows else []

    @property
    def body_rows(self):
        """The other rows; a row's first cell is a row heading when the editor chose so."""
        first_col_is_header = bool(self._table.get("first_col_is_header"))
        rows = self._rows[1:] if self.has_header_row else self._rows
        return [
            [
                {"text": text, "is_header": first_col_is_header and index == 0}
                for index, text in enumerate(row)
            ]
            for row in rows
        ]


class TableFigureBlock(NumberedBlockMixin, blocks.StructBlock):
    """A data table with a header row and caption, numbered in order (Table 1, Table 2, …)."""

    caption = blocks.CharBlock(label=_("Table caption"), max_length=500)
    table = RowsTableBlock(
        label=_("Table"),
        table_options={"startRows": 3, "startCols": 3, "contextMenu": True},
        help_text=_(
            "Choose which row or column holds the headings. Empty rows and columns are "
            "left out when you save."
        ),
    )
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=250)

    number_label = _("Table %(number)s")
    unnumbered_label = _("Table")

    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/streamfield/blocks/table_block.html"
        value_class = TableValue
        preview_value = {
            "caption": "来自动物研究的主要发现",
            "table": {
                "data": [["模型", "干预", "结果"], ["WKY 大鼠", "eMSC", "抑郁样行为减轻"]],
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        }
        description = _("A data table with column headings, numbered Table 1, 2, …")
