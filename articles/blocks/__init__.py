"""StreamField blocks for news articles: text, figures, tables, studies, trials and references."""

from articles.blocks.body import ArticleBodyBlock
from articles.blocks.citations import (
    SAMPLE_CITATION,
    ReferenceBlock,
    ReferencesBlock,
    StudySummaryBlock,
)
from articles.blocks.media import FigureBlock, TableFigureBlock
from articles.blocks.records import ReferenceListBlock, StudyRecordBlock, TrialCardBlock
from articles.blocks.text import BulletListBlock, HeadingBlock, ParagraphBlock, QuoteBlock
from articles.blocks.trials import ClinicalTrialBlock

# Old migrations name articles.blocks.ParagraphBlock.
__all__ = [
    "SAMPLE_CITATION",
    "ArticleBodyBlock",
    "BulletListBlock",
    "ClinicalTrialBlock",
    "FigureBlock",
    "HeadingBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "ReferenceBlock",
    "ReferenceListBlock",
    "ReferencesBlock",
    "StudyRecordBlock",
    "StudySummaryBlock",
    "TableFigureBlock",
    "TrialCardBlock",
]
