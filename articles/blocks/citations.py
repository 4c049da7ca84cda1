"""Cited works in the article body: study summaries and the numbered reference list."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from articles.blocks.rich_text import PARAGRAPH_FEATURES, StrictRichTextBlock
from articles.blocks.shared import HeadedBlockMixin, ValidatingStructBlock
from registry.choices import DOI_RE, MIN_YEAR, STUDY_TYPES, max_year, normalise_doi
from registry.formatting import citation_html

# The seed article's first reference: the admin previews, the demo article and the tests use it.
SAMPLE_CITATION = {
    "authors": ["Jurczenko, L.", "Semeniuk, A.", "Leszek, J.W."],
    "title": "The Therapeutic Potential of Stem Cells in Depression",
    "journal": "Int. J. Mol. Sci.",
    "year": 2025,
    "volume": "26",
    "pages": "8306",
    "doi": "10.3390/ijms26178306",
}


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
        """The work cited in MDPI/ACS style, as safe HTML."""
        return citation_html(
            authors=self.author_list,
            title=self.get("title"),
            journal=self.get("journal"),
            year=self.get("year"),
            volume=self.get("volume"),
            issue=self.get("issue"),
            pages=self.get("pages"),
        )

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


class StudySummaryBlock(HeadedBlockMixin, CitationBlock):
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
    key_findings = StrictRichTextBlock(
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
        description = _("A published study: its citation, design and key findings.")


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
        template = "components/streamfield/blocks/reference_block.html"
        value_class = ReferenceValue
        preview_value = SAMPLE_CITATION
        description = _("One cited work of the reference list.")


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


class NumberedReferencesMixin(HeadedBlockMixin):
    """A reference list numbered on from the body's count, whose value gives `numbered(start)`."""

    # Its heading, References, always opens a top-level section.
    opens_section = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["numbered_references"] = value.numbered(context.get("number") or 1)
        return context


class ReferencesBlock(NumberedReferencesMixin, blocks.StructBlock):
    """The numbered reference list; inline [1] citations in the text link to it."""

    references = blocks.ListBlock(ReferenceBlock(), label=_("References"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("References")
        template = "components/streamfield/blocks/references_block.html"
        value_class = ReferencesValue
        preview_value = {"references": [SAMPLE_CITATION]}
        description = _("The numbered reference list that inline [1] citations link to.")
