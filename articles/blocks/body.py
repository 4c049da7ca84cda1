"""The article body: every block an article may hold, numbered and cited as a whole."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError, StreamValue

from articles.blocks.citations import ReferencesBlock, StudySummaryBlock
from articles.blocks.media import FigureBlock, TableFigureBlock
from articles.blocks.text import BulletListBlock, HeadingBlock, ParagraphBlock, QuoteBlock
from articles.blocks.trials import ClinicalTrialBlock


class MalformedStreamValue(StreamValue):
    """Stands in for body data the admin form could not read, so that clean() refuses it."""


class ArticleBodyBlock(blocks.StreamBlock):
    """Everything an article body may hold."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    list = BulletListBlock()
    figure = FigureBlock()
    table = TableFigureBlock()
    study = StudySummaryBlock()
    trial = ClinicalTrialBlock()
    references = ReferencesBlock()

    # Block types numbered in order of appearance, each with its own counter.
    numbered_types = ("figure", "table")

    def numbering(self, value):
        """(each child's figure/table number or first reference number, total references)."""
        numbers = []
        counters = dict.fromkeys(self.numbered_types, 0)
        references = 0
        for child in value:
            if child.block_type in counters:
                counters[child.block_type] += 1
                numbers.append(counters[child.block_type])
            elif child.block_type == "references":
                numbers.append(references + 1)
                references += len(child.value.get("references") or [])
            else:
                numbers.append(None)
        return numbers, references

    def render_basic(self, value, context=None):
        numbers, reference_count = self.numbering(value)
        return format_html_join(
            "\n",
            '<div class="block-{1}">{0}</div>',
            [
                (
                    child.render(
                        context={
                            **(context or {}),
                            "number": number,
                            "reference_count": reference_count,
                        }
                    ),
                    child.block_type,
                )
                for child, number in zip(value, numbers, strict=True)
            ],
        )

    def value_from_datadict(self, data, files, prefix):
        # The admin posts counts, orders and block types as plain fields (and tables as JSON);
        # tampered or truncated data must become a form error, not a server error.
        try:
            count = int(data[f"{prefix}-count"])
            types = {data[f"{prefix}-{i}-type"] for i in range(max(count, 0))}
            if count < 0 or not types <= set(self.child_blocks):
                return MalformedStreamValue(self, [])
            return super().value_from_datadict(data, files, prefix)
        except (KeyError, ValueError, TypeError):
            return MalformedStreamValue(self, [])

    def clean(self, value):
        if isinstance(value, MalformedStreamValue):
            raise StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        ValidationError(
                            _("The body could not be read. Reload the page and try again.")
                        )
                    ]
                )
            )
        return super().clean(value)

    def schema_citations(self, value):
        """schema.org citations of every study and reference in the body, in order."""
        return [
            citation
            for child in value
            if hasattr(child.value, "schema_citations")
            for citation in child.value.schema_citations()
        ]

    def schema_trials(self, value):
        """schema.org MedicalTrials of every trial card in the body, in order."""
        return [
            child.value.schema_trial() for child in value if hasattr(child.value, "schema_trial")
        ]
