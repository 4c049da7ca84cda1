"""Figure and table blocks of the article body, numbered in order of appearance."""

import json

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


class RowsTableBlock(TableBlock):
    """The table editor's data; a posted value that is not rows of text cells is unreadable."""

    def value_from_form(self, value):
        table = json.loads(value)
        if not is_table(table):
            # The body turns unreadable posts into a form error.
            raise ValueError(value)
        return table


class TableValue(blocks.StructValue):
    """A table split into its header row and body rows for accessible markup."""

    def _rows(self):
        table = self.get("table") or {}
        return [[cell or "" for cell in row] for row in table.get("data") or []]

    @property
    def header_row(self):
        """The first row: column headings."""
        rows = self._rows()
        return rows[0] if rows else []

    @property
    def body_rows(self):
        """The remaining rows; a row's first cell is a row heading when the editor asked so."""
        first_col_is_header = bool((self.get("table") or {}).get("first_col_is_header"))
        return [
            [
                {"text": text, "is_header": first_col_is_header and index == 0}
                for index, text in enumerate(row)
            ]
            for row in self._rows()[1:]
        ]


class TableFigureBlock(NumberedBlockMixin, blocks.StructBlock):
    """A data table with a header row and caption, numbered in order (Table 1, Table 2, …)."""

    caption = blocks.CharBlock(label=_("Caption"), max_length=500)
    table = RowsTableBlock(
        label=_("Table"),
        table_options={"startRows": 3, "startCols": 3, "contextMenu": True},
        help_text=_("The first row holds the column headings."),
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
                "first_col_is_header": False,
            },
        }
        description = _("A data table with column headings, numbered Table 1, 2, …")
