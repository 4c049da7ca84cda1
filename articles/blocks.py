"""StreamField blocks for news articles: text, figures, tables, studies, trials and references."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "superscript", "subscript", "link"]
PARAGRAPH_FEATURES = [*INLINE_FEATURES, "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading inside the article body."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    """A pull quote or a highlighted callout."""

    text = blocks.RichTextBlock(label=_("Text"), features=INLINE_FEATURES)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[("quote", _("Quote")), ("callout", _("Callout"))],
        default="quote",
    )

    class Meta:
        icon = "openquote"
        label = _("Quote or callout")
        template = "components/streamfield/blocks/quote_block.html"


class BulletListBlock(blocks.StructBlock):
    """A bulleted or numbered list of short rich-text items."""

    ordered = blocks.BooleanBlock(label=_("Numbered"), required=False, default=False)
    items = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES), label=_("Items"), min_num=1
    )

    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "components/streamfield/blocks/list_block.html"


class FigureBlock(blocks.StructBlock):
    """An image with caption and credit, numbered in order (Figure 1, Figure 2, …)."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Figure")
        template = "components/streamfield/blocks/figure_block.html"


class TableFigureBlock(blocks.StructBlock):
    """A data table with a header row and caption, numbered in order (Table 1, Table 2, …)."""

    caption = blocks.CharBlock(label=_("Caption"), max_length=500)
    table = TableBlock(
        label=_("Table"),
        table_options={"startRows": 3, "startCols": 3, "contextMenu": True},
    )
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=250)

    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/streamfield/blocks/table_block.html"


STUDY_TYPES = [
    ("systematic_review", _("Systematic review / meta-analysis")),
    ("review", _("Review")),
    ("randomised_trial", _("Randomised controlled trial")),
    ("clinical_trial", _("Non-randomised clinical trial")),
    ("cohort", _("Cohort study")),
    ("case_control", _("Case-control study")),
    ("case_report", _("Case report or series")),
    ("animal", _("Animal study")),
    ("in_vitro", _("In-vitro / laboratory study")),
    ("other", _("Other")),
]


class StudySummaryBlock(blocks.StructBlock):
    """A published study: bibliographic data, what was studied and what was found."""

    authors = blocks.ListBlock(
        blocks.CharBlock(max_length=120),
        label=_("Authors"),
        help_text=_("One author per line, in publication order, as 'Surname, I.'"),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=500)
    journal = blocks.CharBlock(
        label=_("Journal"), max_length=200, help_text=_("Abbreviated name, e.g. Int. J. Mol. Sci.")
    )
    year = blocks.IntegerBlock(label=_("Year"))
    volume = blocks.CharBlock(label=_("Volume"), required=False, max_length=20)
    issue = blocks.CharBlock(label=_("Issue"), required=False, max_length=20)
    pages = blocks.CharBlock(label=_("Article number or pages"), required=False, max_length=40)
    published_date = blocks.DateBlock(label=_("Publication date"), required=False)
    doi = blocks.CharBlock(
        label=_("DOI"), required=False, max_length=200, help_text=_("e.g. 10.3390/ijms26178306")
    )
    study_type = blocks.ChoiceBlock(label=_("Study type"), choices=STUDY_TYPES)
    population = blocks.CharBlock(label=_("Population or model"), required=False, max_length=300)
    intervention = blocks.CharBlock(label=_("Intervention"), required=False, max_length=300)
    key_findings = blocks.RichTextBlock(
        label=_("Key findings"), required=False, features=PARAGRAPH_FEATURES
    )

    class Meta:
        icon = "doc-full"
        label = _("Study summary")
        template = "components/streamfield/blocks/study_summary_block.html"


TRIAL_PHASES = [
    ("EARLY_PHASE1", _("Early phase 1")),
    ("PHASE1", _("Phase 1")),
    ("PHASE2", _("Phase 2")),
    ("PHASE3", _("Phase 3")),
    ("PHASE4", _("Phase 4")),
    ("NA", _("Not applicable")),
]

TRIAL_STATUSES = [
    ("RECRUITING", _("Recruiting")),
    ("NOT_YET_RECRUITING", _("Not yet recruiting")),
    ("ACTIVE_NOT_RECRUITING", _("Active, not recruiting")),
    ("ENROLLING_BY_INVITATION", _("Enrolling by invitation")),
    ("COMPLETED", _("Completed")),
    ("SUSPENDED", _("Suspended")),
    ("TERMINATED", _("Terminated")),
    ("WITHDRAWN", _("Withdrawn")),
    ("UNKNOWN", _("Unknown status")),
]

ALLOCATIONS = [
    ("RANDOMIZED", _("Randomised")),
    ("NON_RANDOMIZED", _("Non-randomised")),
    ("NA", _("Not applicable (single group)")),
]

MASKINGS = [
    ("NONE", _("None (open label)")),
    ("SINGLE", _("Single blind")),
    ("DOUBLE", _("Double blind")),
    ("TRIPLE", _("Triple blind")),
    ("QUADRUPLE", _("Quadruple blind")),
]


class ClinicalTrialBlock(blocks.StructBlock):
    """A registered clinical trial shown as a card with its status and registry link."""

    registry_id = blocks.CharBlock(
        label=_("Registry ID"),
        max_length=40,
        help_text=_("ClinicalTrials.gov NCT number (NCT + 8 digits) or a ChiCTR number."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=500)
    summary = blocks.RichTextBlock(label=_("Summary"), required=False, features=INLINE_FEATURES)
    phases = blocks.MultipleChoiceBlock(label=_("Phases"), choices=TRIAL_PHASES)
    allocation = blocks.ChoiceBlock(label=_("Allocation"), choices=ALLOCATIONS, required=False)
    masking = blocks.ChoiceBlock(label=_("Masking"), choices=MASKINGS, required=False)
    placebo_controlled = blocks.BooleanBlock(label=_("Placebo-controlled"), required=False)
    conditions = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("Conditions"), min_num=1
    )
    interventions = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("Interventions"), min_num=1
    )
    enrollment = blocks.IntegerBlock(label=_("Enrollment"), required=False)
    enrollment_type = blocks.ChoiceBlock(
        label=_("Enrollment type"),
        choices=[("ACTUAL", _("Actual")), ("ESTIMATED", _("Estimated"))],
        default="ESTIMATED",
    )
    status = blocks.ChoiceBlock(label=_("Overall status"), choices=TRIAL_STATUSES)
    why_stopped = blocks.CharBlock(
        label=_("Why stopped"),
        required=False,
        max_length=500,
        help_text=_("Required when the trial is terminated, suspended or withdrawn."),
    )
    sponsor = blocks.CharBlock(label=_("Sponsor"), required=False, max_length=200)
    start_date = blocks.CharBlock(
        label=_("Start date"), required=False, max_length=10, help_text=_("YYYY-MM or YYYY-MM-DD")
    )
    completion_date = blocks.CharBlock(
        label=_("Completion date"),
        required=False,
        max_length=10,
        help_text=_("YYYY-MM or YYYY-MM-DD"),
    )

    class Meta:
        icon = "clipboard-list"
        label = _("Clinical trial")
        template = "components/streamfield/blocks/clinical_trial_block.html"


class ReferenceBlock(blocks.StructBlock):
    """One cited work in the reference list."""

    authors = blocks.ListBlock(blocks.CharBlock(max_length=120), label=_("Authors"))
    title = blocks.CharBlock(label=_("Title"), max_length=500)
    journal = blocks.CharBlock(label=_("Journal"), required=False, max_length=200)
    year = blocks.IntegerBlock(label=_("Year"), required=False)
    volume = blocks.CharBlock(label=_("Volume"), required=False, max_length=20)
    pages = blocks.CharBlock(label=_("Article number or pages"), required=False, max_length=40)
    doi = blocks.CharBlock(label=_("DOI"), required=False, max_length=200)
    url = blocks.URLBlock(label=_("URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Reference")


class ReferencesBlock(blocks.StructBlock):
    """The numbered reference list; inline [1] citations in the text link to it."""

    references = blocks.ListBlock(ReferenceBlock(), label=_("References"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("References")
        template = "components/streamfield/blocks/references_block.html"


class ArticleBodyBlock(blocks.StreamBlock):
    """Everything an article body may hold."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=PARAGRAPH_FEATURES,
        template="components/streamfield/blocks/paragraph_block.html",
        icon="pilcrow",
    )
    quote = QuoteBlock()
    list = BulletListBlock()
    figure = FigureBlock()
    table = TableFigureBlock()
    study = StudySummaryBlock()
    trial = ClinicalTrialBlock()
    references = ReferencesBlock()
