"""Blocks that cite the registry's records: a trial card, a study summary, the reference list.

The facts (a trial's status, a paper's authors) live once in registry.ClinicalTrial and
registry.Publication; these blocks hold only the chosen record and this body's own words.
"""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from articles.blocks.citations import NumberedReferencesMixin
from articles.blocks.rich_text import INLINE_FEATURES, PARAGRAPH_FEATURES, StrictRichTextBlock
from articles.blocks.shared import HeadedBlockMixin
from articles.trial_links import trial_url
from common.choosers import ReadableSnippetChooser
from registry.models import ClinicalTrial, Publication
from translations.languages import current_language

MISSING_RECORD_MESSAGE = _("The chosen record no longer exists. Choose another.")


class MissingRecord:
    """A stored id whose record is gone (deleted, or never valid): kept, and shown to nobody."""

    def __init__(self, raw_id):
        self.raw_id = raw_id

    def __bool__(self):
        return False

    def __eq__(self, other):
        return isinstance(other, MissingRecord) and other.raw_id == self.raw_id

    def __hash__(self):
        return hash(self.raw_id)

    @property
    def pk(self):
        """The stored id when it is a number, so that saving the body unchanged keeps it."""
        try:
            number = int(self.raw_id)
        except (TypeError, ValueError):
            return None
        # A database cannot even look up a number beyond its 64-bit integers (SQLite raises).
        return number if -(2**63) <= number < 2**63 else None


class RecordChooser(ReadableSnippetChooser):
    """The record chooser, which names a missing record instead of showing nothing chosen."""

    def get_value_data(self, value):
        if isinstance(value, MissingRecord):
            return {"id": value.raw_id, "edit_url": None, "title": gettext(MISSING_RECORD_MESSAGE)}
        return super().get_value_data(value)


class RecordChooserBlock(SnippetChooserBlock):
    """A chosen registry record; a deleted or forged id reads as a MissingRecord, never an error."""

    @cached_property
    def widget(self):
        return RecordChooser(self.target_model, icon=self.meta.icon)

    @cached_property
    def field(self):
        return forms.ModelChoiceField(
            queryset=self.model_class.objects.all(),
            widget=self.widget,
            required=self._required,
            help_text=self._help_text,
            error_messages={"invalid_choice": MISSING_RECORD_MESSAGE},
        )

    def find(self, raw_ids):
        """{id: record} for the stored ids that are numbers and still exist."""
        ids = {MissingRecord(raw).pk for raw in raw_ids} - {None}
        return self.model_class.objects.in_bulk(ids) if ids else {}

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def bulk_to_python(self, values):
        found = self.find(values)
        return [
            None if raw is None else found.get(MissingRecord(raw).pk) or MissingRecord(raw)
            for raw in values
        ]

    def value_from_form(self, value):
        if value is None or isinstance(value, self.model_class):
            return value
        return self.to_python(value)

    def get_prep_value(self, value):
        return None if value is None else value.pk

    def clean(self, value):
        if isinstance(value, MissingRecord):
            # The form field then refuses the id with MISSING_RECORD_MESSAGE (or as required).
            value = value.raw_id
        return super().clean(value)

    def extract_references(self, value):
        if value:
            yield from super().extract_references(value)

    def get_api_representation(self, value, context=None):
        return value.pk if value else None


class RecordCitationValue(blocks.StructValue):
    """A block citing the record in its `record_field`; shown only while the record exists."""

    record_field = None

    @property
    def record(self):
        """The cited record, or a false value when it is missing."""
        return self.get(self.record_field)

    @property
    def shown(self):
        """Whether readers see the block: only while its record exists."""
        return bool(self.record)


class TrialCardValue(RecordCitationValue):
    """A trial card: the trial's facts from its record, this body's note beside them."""

    record_field = "trial"

    @property
    def page_url(self):
        """The trial's own page in the active language, or None."""
        return trial_url(self.record, current_language()) if self.record else None

    def schema_trial(self):
        """The cited trial as a schema.org MedicalTrial, or None when it is missing."""
        return self.record.schema_org() if self.record else None


class StudyRecordValue(RecordCitationValue):
    """A study summary: the publication from its record, this body's commentary beside it."""

    record_field = "publication"

    def schema_citations(self):
        """schema.org citations this block contributes to the article."""
        return [self.record.schema_org()] if self.record else []


class ReferenceListValue(blocks.StructValue):
    """The reference list: the cited publications that still exist, numbered article-wide."""

    @property
    def publications(self):
        """The cited records that exist, in the editor's order."""
        return [publication for publication in self.get("references") or [] if publication]

    @property
    def shown(self):
        """Whether readers see the list: while at least one of its records exists."""
        return bool(self.publications)

    def numbered(self, start=1):
        """[{number, value}] for each existing reference, numbered from `start`."""
        return [
            {"number": number, "value": publication}
            for number, publication in enumerate(self.publications, start=start)
        ]

    def schema_citations(self):
        """schema.org citations this block contributes to the article."""
        return [publication.schema_org() for publication in self.publications]


def first_record(model):
    """The first record of `model`, for the block picker's preview (None on an empty registry)."""
    return model.objects.order_by("pk").first()


class TrialCardBlock(HeadedBlockMixin, blocks.StructBlock):
    """A registered clinical trial, chosen from the registry, shown as a card."""

    trial = RecordChooserBlock(
        "registry.ClinicalTrial",
        label=_("Clinical trial"),
        help_text=_("Choose the trial from the registry, or create it without leaving the page."),
    )
    note = StrictRichTextBlock(
        label=_("Note"),
        required=False,
        features=INLINE_FEATURES,
        help_text=_("Optional: what this article says about the trial, in this body's language."),
    )

    class Meta:
        icon = "clipboard-list"
        label = _("Clinical trial")
        template = "components/streamfield/blocks/trial_record_block.html"
        value_class = TrialCardValue
        preview_value = staticmethod(lambda: {"trial": first_record(ClinicalTrial)})
        description = _("A trial from the registry: status, phases and registry link stay current.")


class StudyRecordBlock(HeadedBlockMixin, blocks.StructBlock):
    """A published study, chosen from the registry, with this article's summary of it."""

    publication = RecordChooserBlock(
        "registry.Publication",
        label=_("Publication"),
        help_text=_("Choose the study from the registry, or create it without leaving the page."),
    )
    population = blocks.CharBlock(label=_("Population or model"), required=False, max_length=300)
    intervention = blocks.CharBlock(label=_("Intervention"), required=False, max_length=300)
    key_findings = StrictRichTextBlock(
        label=_("Key findings"), required=False, features=PARAGRAPH_FEATURES
    )

    class Meta:
        icon = "doc-full"
        label = _("Study summary")
        template = "components/streamfield/blocks/study_record_block.html"
        value_class = StudyRecordValue
        preview_value = staticmethod(lambda: {"publication": first_record(Publication)})
        description = _("A study from the registry: its citation, design and key findings.")


class ReferenceListBlock(NumberedReferencesMixin, blocks.StructBlock):
    """The numbered reference list, each entry a publication from the registry."""

    references = blocks.ListBlock(
        RecordChooserBlock("registry.Publication", label=_("Publication")),
        label=_("References"),
        min_num=1,
    )

    class Meta:
        icon = "list-ol"
        label = _("References")
        template = "components/streamfield/blocks/references_block.html"
        value_class = ReferenceListValue
        preview_value = staticmethod(lambda: {"references": [first_record(Publication)]})
        description = _("The numbered reference list that inline [1] citations link to.")
