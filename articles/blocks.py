"""StreamField blocks for news articles: text, figures, tables, studies, trials and references."""

import datetime
import re
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from cms.blocks import ReadableStreamBlock

INLINE_FEATURES = ["bold", "italic", "superscript", "subscript", "link"]
PARAGRAPH_FEATURES = [*INLINE_FEATURES, "ol", "ul", "h3", "h4"]

NCT_RE = re.compile(r"^NCT\d{8}$")
CHICTR_RE = re.compile(r"^ChiCTR-?[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")
# Crossref's recommended pattern for modern DOIs.
DOI_RE = re.compile(r"^10.\d{4,9}/[-._;()/:A-Z0-9]+$", re.IGNORECASE)
DOI_PREFIX_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
PARTIAL_DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
CITATION_RE = re.compile(r"\[(\d{1,3})\]")
TAG_RE = re.compile(r"(<[^>]*>)")
MIN_YEAR = 1800


def list_separator():
    """The separator between items of a short inline list in the active language."""
    return pgettext("inline list separator", ", ")


def normalise_doi(doi):
    """The bare DOI (10.xxxx/…) from what an editor pasted, e.g. a https://doi.org/ link."""
    return DOI_PREFIX_RE.sub("", (doi or "").strip())


def max_year():
    """The latest publication year accepted: next year, for articles in press."""
    return timezone.localdate().year + 1


def parse_partial_date(text):
    """(year, month[, day]) from 'YYYY-MM' or 'YYYY-MM-DD', or None when it is not a real date."""
    match = PARTIAL_DATE_RE.match(text or "")
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p is not None)
    try:
        datetime.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except ValueError:
        return None
    return parts


def year_error(year):
    """The editor's error for a publication year outside 1800…next year, else None."""
    if year is not None and not MIN_YEAR <= year <= max_year():
        return ValidationError(
            _("Enter a year between %(min)s and %(max)s."),
            params={"min": MIN_YEAR, "max": max_year()},
        )
    return None


def doi_error(doi):
    """The editor's error for a DOI that does not match Crossref's pattern, else None."""
    if doi and not DOI_RE.match(doi):
        return ValidationError(_("Enter a DOI such as 10.3390/ijms26178306."))
    return None


def link_citations(html, reference_count):
    """Link inline "[n]" in rendered HTML text to reference n (outside tags and links)."""
    if not reference_count:
        return html

    def link(match):
        number = int(match.group(1))
        if not 1 <= number <= reference_count:
            return match.group(0)
        return f'<a class="citation-ref" href="#ref-{number}">[{number}]</a>'

    parts = []
    inside_link = False
    for part in TAG_RE.split(str(html)):
        if part.startswith("<"):
            tag = part[1:3].lower()
            if tag in ("a ", "a>"):
                inside_link = True
            elif part[1:4].lower() == "/a>":
                inside_link = False
            parts.append(part)
        else:
            parts.append(part if inside_link else CITATION_RE.sub(link, part))
    # The input is already-rendered, escaped HTML; we only wrap text in <a> elements.
    return mark_safe("".join(parts))  # noqa: S308


# The seed article's reference, used to preview the study and reference blocks in the admin.
SAMPLE_CITATION = {
    "authors": ["Jurczenko, L.", "Semeniuk, A.", "Leszek, J.W."],
    "title": "The Therapeutic Potential of Stem Cells in Depression",
    "journal": "Int. J. Mol. Sci.",
    "year": 2025,
    "volume": "26",
    "pages": "8306",
    "doi": "10.3390/ijms26178306",
}


class ValidatingStructBlock(blocks.StructBlock):
    """A StructBlock whose cross-field rules live in `validate()`, reported with field errors."""

    def validate(self, value):
        """{field name: error or None} for rules beyond single fields; failed fields are absent."""
        return {}

    def clean(self, value):
        # Like StructBlock.clean, but the rules run even when some fields failed, so the editor
        # sees every problem at once.
        cleaned, errors = [], {}
        for name, raw in value.items():
            try:
                cleaned.append((name, self.child_blocks[name].clean(raw)))
            except ValidationError as error:
                errors[name] = error
        value = self._to_struct_value(cleaned)
        for name, error in self.validate(value).items():
            if error and name not in errors:
                errors[name] = error
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class HeadingBlock(blocks.StructBlock):
    """A section heading inside the article body."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/blocks/heading_block.html"
        preview_value = {"text": "干细胞治疗抑郁症的作用机制", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text whose inline "[1]" citations link to the numbered reference list."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        html = value.__html__() if isinstance(value, RichText) else str(value or "")
        context["html"] = link_citations(html, context.get("reference_count", 0))
        return context

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "components/streamfield/blocks/paragraph_block.html"
        preview_value = "<p>重度抑郁症 (MDD) 是一种普遍且致残的精神疾病[1]。</p>"


class QuoteValue(blocks.StructValue):
    """A quote or callout with its display element."""

    @property
    def is_callout(self):
        """Whether it is shown as a highlighted aside rather than a quotation."""
        return self.get("style") == "callout"


class QuoteBlock(blocks.StructBlock):
    """A pull quote or a highlighted callout."""

    text = blocks.RichTextBlock(label=_("Text"), features=INLINE_FEATURES)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[("quote", _("Quote")), ("callout", _("Callout"))],
        default="quote",
        search_index=False,
    )

    class Meta:
        icon = "openquote"
        label = _("Quote or callout")
        template = "components/streamfield/blocks/quote_block.html"
        value_class = QuoteValue
        preview_value = {
            "text": "<p>干细胞疗法代表了一种令人信服的创新抑郁症治疗方法。</p>",
            "style": "callout",
        }


class BulletListValue(blocks.StructValue):
    """A list with the HTML element that fits it."""

    @property
    def tag(self):
        """'ol' for a numbered list, 'ul' otherwise."""
        return "ol" if self.get("ordered") else "ul"


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
        value_class = BulletListValue
        preview_value = {"ordered": False, "items": ["<p>避免首过代谢;</p>", "<p>可重复给药;</p>"]}


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
    table = TableBlock(
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


class CitationValue(blocks.StructValue):
    """A cited work formatted in MDPI/ACS style, with its DOI link and schema.org data."""

    @property
    def author_list(self):
        """Authors joined ACS-style: 'Jurczenko, L.; Semeniuk, A.; Leszek, J.W.'"""
        authors = "; ".join(a.strip() for a in self.get("authors") or [] if a and a.strip())
        return authors if not authors or authors.endswith(".") else f"{authors}."

    @property
    def doi_url(self):
        """The https://doi.org/ link for the DOI, or ''."""
        return f"https://doi.org/{self['doi']}" if self.get("doi") else ""

    @property
    def link(self):
        """Where readers find the work: its DOI link, else its URL."""
        return self.doi_url or self.get("url") or ""

    @property
    def citation_html(self):
        """'Authors. Title. <i>Journal</i> <b>Year</b>, <i>Volume</i>, Pages.' as safe HTML."""
        title = (self.get("title") or "").strip()
        if title and title[-1] not in ".?!":
            title += "."
        source = []
        if self.get("journal"):
            source.append(format_html("<i>{}</i>", self["journal"]))
        if self.get("year"):
            source.append(format_html("<b>{}</b>", self["year"]))
        details = []
        if self.get("volume"):
            volume = format_html("<i>{}</i>", self["volume"])
            if self.get("issue"):
                volume = format_html("{} ({})", volume, self["issue"])
            details.append(volume)
        if self.get("pages"):
            details.append(self["pages"])
        parts = [p for p in (self.author_list, title) if p]
        tail = format_html_join(", ", "{}", [(d,) for d in details])
        if source:
            joined = format_html_join(" ", "{}", [(s,) for s in source])
            parts.append(
                format_html("{}, {}.", joined, tail) if details else format_html("{}.", joined)
            )
        elif details:
            parts.append(format_html("{}.", tail))
        return format_html_join(" ", "{}", [(p,) for p in parts])

    def schema_org(self):
        """The work as a schema.org MedicalScholarlyArticle."""
        data = {
            "@type": "MedicalScholarlyArticle",
            "headline": self.get("title") or "",
            "author": [
                {"@type": "Person", "name": name} for name in self.get("authors") or [] if name
            ],
        }
        if self.get("journal"):
            data["isPartOf"] = {"@type": "Periodical", "name": self["journal"]}
        if self.get("year"):
            data["datePublished"] = str(self["year"])
        if self.get("doi"):
            data["identifier"] = {
                "@type": "PropertyValue",
                "propertyID": "DOI",
                "value": self["doi"],
            }
        if self.link:
            data["url"] = self.link
        return data


class StudyValue(CitationValue):
    """A study summary with its translated study type."""

    @property
    def study_type_label(self):
        """The study type as readers see it."""
        return dict(STUDY_TYPES).get(self.get("study_type"), "")

    def schema_citations(self):
        """schema.org citations this block contributes to the article."""
        data = self.schema_org()
        if self.get("published_date"):
            data["datePublished"] = self["published_date"].isoformat()
        return [data]


class CitationBlock(ValidatingStructBlock):
    """Shared rules of cited works: a plausible year and a Crossref-style DOI."""

    def clean(self, value):
        if value.get("doi"):
            value["doi"] = normalise_doi(value["doi"])
        return super().clean(value)

    def validate(self, value):
        return {"year": year_error(value.get("year")), "doi": doi_error(value.get("doi"))}


class StudySummaryBlock(CitationBlock):
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

    def validate(self, value):
        errors = super().validate(value)
        if not [a for a in value.get("authors") or [] if a and a.strip()]:
            errors["authors"] = ValidationError(_("Add at least one author."))
        return errors

    class Meta:
        icon = "doc-full"
        label = _("Study summary")
        template = "components/streamfield/blocks/study_summary_block.html"
        value_class = StudyValue
        preview_value = {**SAMPLE_CITATION, "study_type": "review"}


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
STOPPED_STATUSES = {"SUSPENDED", "TERMINATED", "WITHDRAWN"}
# Badge state per status: open for enrolment, running, finished, stopped or unknown.
STATUS_STATES = {
    "RECRUITING": "open",
    "NOT_YET_RECRUITING": "open",
    "ENROLLING_BY_INVITATION": "open",
    "ACTIVE_NOT_RECRUITING": "active",
    "COMPLETED": "completed",
    "SUSPENDED": "stopped",
    "TERMINATED": "stopped",
    "WITHDRAWN": "stopped",
    "UNKNOWN": "unknown",
}
# schema.org MedicalStudyStatus members; "unknown" has none.
SCHEMA_STATUSES = {
    "RECRUITING": "Recruiting",
    "NOT_YET_RECRUITING": "NotYetRecruiting",
    "ACTIVE_NOT_RECRUITING": "ActiveNotRecruiting",
    "ENROLLING_BY_INVITATION": "EnrollingByInvitation",
    "COMPLETED": "Completed",
    "SUSPENDED": "Suspended",
    "TERMINATED": "Terminated",
    "WITHDRAWN": "Withdrawn",
}

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
SCHEMA_MASKINGS = {
    "NONE": "OpenTrial",
    "SINGLE": "SingleBlindedTrial",
    "DOUBLE": "DoubleBlindedTrial",
    "TRIPLE": "TripleBlindedTrial",
}


class TrialValue(blocks.StructValue):
    """A clinical trial with its labels, badge state, registry link and schema.org data."""

    @property
    def status_label(self):
        """The overall status as readers see it."""
        return dict(TRIAL_STATUSES).get(self.get("status"), "")

    @property
    def status_state(self):
        """open, active, completed, stopped or unknown: the badge's state."""
        return STATUS_STATES.get(self.get("status"), "unknown")

    @property
    def status_css(self):
        """CSS classes of the status badge."""
        return f"badge badge--{self.status_state}"

    @property
    def is_chictr(self):
        """Whether the trial is registered in the Chinese Clinical Trial Registry."""
        return (self.get("registry_id") or "").startswith("ChiCTR")

    @property
    def registry_name(self):
        """The registry's name."""
        return _("Chinese Clinical Trial Registry") if self.is_chictr else "ClinicalTrials.gov"

    @property
    def registry_url(self):
        """The trial's record (ClinicalTrials.gov) or a search for it (ChiCTR)."""
        registry_id = self.get("registry_id") or ""
        if self.is_chictr:
            return "https://www.chictr.org.cn/searchproj.html?" + urlencode({"regno": registry_id})
        return f"https://clinicaltrials.gov/study/{registry_id}"

    @property
    def phase_label(self):
        """The phases in registry order, e.g. 'Phase 1/Phase 2'."""
        chosen = set(self.get("phases") or [])
        return "/".join(str(label) for key, label in TRIAL_PHASES if key in chosen)

    @property
    def design_summary(self):
        """Allocation, masking and placebo control in one line."""
        parts = []
        if self.get("allocation") and self["allocation"] != "NA":
            parts.append(dict(ALLOCATIONS)[self["allocation"]])
        if self.get("masking"):
            parts.append(dict(MASKINGS)[self["masking"]])
        if self.get("placebo_controlled"):
            parts.append(gettext("Placebo-controlled"))
        return list_separator().join(str(p) for p in parts)

    @property
    def enrollment_text(self):
        """'30 participants (estimated)' or ''."""
        count = self.get("enrollment")
        if count is None:
            return ""
        if self.get("enrollment_type") == "ACTUAL":
            text = ngettext(
                "%(count)s participant (actual)", "%(count)s participants (actual)", count
            )
        else:
            text = ngettext(
                "%(count)s participant (estimated)", "%(count)s participants (estimated)", count
            )
        return text % {"count": count}

    @property
    def conditions_text(self):
        """The conditions as one line."""
        return list_separator().join(self.get("conditions") or [])

    @property
    def interventions_text(self):
        """The interventions as one line."""
        return list_separator().join(self.get("interventions") or [])

    def schema_trial(self):
        """The trial as a schema.org MedicalTrial."""
        design = []
        if self.get("allocation") == "RANDOMIZED":
            design.append("https://schema.org/RandomizedTrial")
        if self.get("masking") in SCHEMA_MASKINGS:
            design.append(f"https://schema.org/{SCHEMA_MASKINGS[self['masking']]}")
        if self.get("placebo_controlled"):
            design.append("https://schema.org/PlaceboControlledTrial")
        data = {
            "@type": "MedicalTrial",
            "name": self.get("title") or "",
            "code": {
                "@type": "MedicalCode",
                "codeValue": self.get("registry_id") or "",
                "codingSystem": str(self.registry_name),
            },
            "url": self.registry_url,
            "status": (
                f"https://schema.org/{SCHEMA_STATUSES[self['status']]}"
                if self.get("status") in SCHEMA_STATUSES
                else str(self.status_label)
            ),
            "trialDesign": design,
            "healthCondition": [
                {"@type": "MedicalCondition", "name": name} for name in self.get("conditions") or []
            ],
        }
        if self.phase_label:
            data["phase"] = self.phase_label
        if self.get("sponsor"):
            data["sponsor"] = {"@type": "Organization", "name": self["sponsor"]}
        return data


class ClinicalTrialBlock(ValidatingStructBlock):
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

    def clean(self, value):
        value["registry_id"] = (value.get("registry_id") or "").strip()
        return super().clean(value)

    def validate(self, value):
        errors = {}
        registry_id = value.get("registry_id") or ""
        if not (NCT_RE.match(registry_id) or CHICTR_RE.match(registry_id)):
            errors["registry_id"] = ValidationError(
                _("Enter an NCT number (NCT followed by 8 digits) or a ChiCTR number.")
            )
        if value.get("status") in STOPPED_STATUSES and not value.get("why_stopped"):
            errors["why_stopped"] = ValidationError(
                _("Say why the trial was terminated, suspended or withdrawn.")
            )
        elif value.get("status") not in STOPPED_STATUSES and value.get("why_stopped"):
            errors["why_stopped"] = ValidationError(
                _("Only a terminated, suspended or withdrawn trial has a reason for stopping.")
            )
        if value.get("enrollment") is not None and value["enrollment"] < 0:
            errors["enrollment"] = ValidationError(_("Enrollment cannot be negative."))
        dates = {}
        for name in ("start_date", "completion_date"):
            if value.get(name):
                dates[name] = parse_partial_date(value[name])
                if dates[name] is None:
                    errors[name] = ValidationError(
                        _("Enter a date as YYYY-MM or YYYY-MM-DD, e.g. 2019-05.")
                    )
        start, end = dates.get("start_date"), dates.get("completion_date")
        if start and end:
            precision = min(len(start), len(end))
            if end[:precision] < start[:precision]:
                errors["completion_date"] = ValidationError(
                    _("The completion date cannot be before the start date.")
                )
        return errors

    class Meta:
        icon = "clipboard-list"
        label = _("Clinical trial")
        template = "components/streamfield/blocks/clinical_trial_block.html"
        value_class = TrialValue
        preview_value = {
            "registry_id": "NCT03265808",
            "title": "Allogeneic hMSC infusion in alcohol use disorder with major depression",
            "phases": ["PHASE1", "PHASE2"],
            "allocation": "RANDOMIZED",
            "masking": "DOUBLE",
            "placebo_controlled": True,
            "conditions": ["Major depressive disorder", "Alcohol use disorder"],
            "interventions": ["Allogeneic human mesenchymal stem cells"],
            "enrollment": 80,
            "enrollment_type": "ESTIMATED",
            "status": "RECRUITING",
        }


class ReferenceValue(CitationValue):
    """One entry of the reference list."""


class ReferenceBlock(CitationBlock):
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
        value_class = ReferenceValue


class ReferencesValue(blocks.StructValue):
    """The reference list with the article-wide numbers of its entries."""

    def numbered(self, start=1):
        """[{number, value}] for each reference, numbered from `start`."""
        return [
            {"number": number, "value": value}
            for number, value in enumerate(self.get("references") or [], start=start)
        ]

    def schema_citations(self):
        """schema.org citations this block contributes to the article."""
        return [reference.schema_org() for reference in self.get("references") or []]


class ReferencesBlock(blocks.StructBlock):
    """The numbered reference list; inline [1] citations in the text link to it."""

    references = blocks.ListBlock(ReferenceBlock(), label=_("References"), min_num=1)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["numbered_references"] = value.numbered(context.get("number") or 1)
        return context

    class Meta:
        icon = "list-ol"
        label = _("References")
        template = "components/streamfield/blocks/references_block.html"
        value_class = ReferencesValue
        preview_value = {"references": [SAMPLE_CITATION]}


class ArticleBodyBlock(ReadableStreamBlock):
    """Everything an article body may hold."""

    unreadable_message = _("The body could not be read. Reload the page and try again.")

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
