"""The article body: every block an article may hold, numbered and cited as a whole."""

import json

from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from articles.blocks.citations import ReferencesBlock, StudySummaryBlock
from articles.blocks.media import FigureBlock, TableFigureBlock
from articles.blocks.records import ReferenceListBlock, StudyRecordBlock, TrialCardBlock
from articles.blocks.shared import MAX_HEADING_LEVEL, PAGE_TITLE_LEVEL, HeadedBlockMixin
from articles.blocks.text import BulletListBlock, HeadingBlock, ParagraphBlock, QuoteBlock
from articles.blocks.trials import ClinicalTrialBlock
from common.blocks import ReadableStreamBlock


class ArticleBodyBlock(ReadableStreamBlock):
    """Everything an article body may hold."""

    unreadable_message = _("The body could not be read. Reload the page and try again.")

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    list = BulletListBlock()
    figure = FigureBlock()
    table = TableFigureBlock()
    trial_record = TrialCardBlock()
    study_record = StudyRecordBlock()
    reference_list = ReferenceListBlock()
    # Typed-in facts, from before the registry: still readable, converted by migration 0014.
    study = StudySummaryBlock(label=_("Study summary (old)"), group=_("Old blocks"))
    trial = ClinicalTrialBlock(label=_("Clinical trial (old)"), group=_("Old blocks"))
    references = ReferencesBlock(label=_("References (old)"), group=_("Old blocks"))

    # Block types numbered in order of appearance, each with its own counter.
    numbered_types = ("figure", "table")
    # Blocks kept for old bodies; editors cite registry records instead.
    legacy_types = ("study", "trial", "references")

    def numbering(self, value):
        """(each child's figure/table number or first reference number, total references)."""
        numbers = []
        counters = dict.fromkeys(self.numbered_types, 0)
        references = 0
        for child in value:
            if child.block_type in counters:
                counters[child.block_type] += 1
                numbers.append(counters[child.block_type])
            elif hasattr(child.value, "numbered"):
                numbers.append(references + 1)
                references += len(child.value.numbered())
            else:
                numbers.append(None)
        return numbers, references

    def heading_levels(self, value):
        """The level of each child's heading (None: it has none), so that none is skipped."""
        # A section keeps the level it asks for but goes at most one below the section before;
        # a card is titled one level below the section it is in (h2 before any heading).
        levels, section = [], PAGE_TITLE_LEVEL
        for child in value:
            block = child.block
            if not isinstance(block, HeadedBlockMixin):
                levels.append(None)
            elif block.opens_section:
                section = min(block.requested_level(child.value), section + 1)
                levels.append(section)
            else:
                levels.append(min(section + 1, MAX_HEADING_LEVEL))
        return levels

    def render_basic(self, value, context=None):
        # A block whose record is missing shows nothing, not even its wrapper.
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
                            "heading_level": level,
                        }
                    ),
                    child.block_type,
                )
                for child, number, level in zip(
                    value, numbers, self.heading_levels(value), strict=True
                )
                if getattr(child.value, "shown", True)
            ],
        )

    def schema_citations(self, value):
        """schema.org citations of every study and reference in the body, in order, each once."""
        return unique_by_identity(
            citation
            for child in value
            if hasattr(child.value, "schema_citations")
            for citation in child.value.schema_citations()
        )

    def schema_trials(self, value):
        """schema.org MedicalTrials of every trial card in the body, in order, each once."""
        return unique_by_identity(
            child.value.schema_trial() for child in value if hasattr(child.value, "schema_trial")
        )


def identity(thing):
    """What makes a schema.org thing the same thing: its @id, identifier, code, URL or name."""
    for key in ("@id", "identifier", "code", "url", "headline", "name"):
        if thing.get(key):
            return key, json.dumps(thing[key], sort_keys=True).lower()
    return None, json.dumps(thing, sort_keys=True)


def unique_by_identity(things):
    """The schema.org things (None skipped) with the repeats of an earlier one left out."""
    seen, unique = set(), []
    for thing in filter(None, things):
        key = identity(thing)
        if key not in seen:
            seen.add(key)
            unique.append(thing)
    return unique
