"""The clinical trial card of the article body, with its registry facts and schema.org data."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from articles.blocks.rich_text import INLINE_FEATURES, StrictRichTextBlock
from articles.blocks.shared import HeadedBlockMixin, ValidatingStructBlock
from registry.choices import (
    ALLOCATIONS,
    CHICTR_RE,
    MASKINGS,
    NCT_RE,
    SCHEMA_MASKINGS,
    SCHEMA_STATUSES,
    STATUS_STATES,
    STOPPED_STATUSES,
    TRIAL_PHASES,
    TRIAL_STATUSES,
    list_separator,
    parse_partial_date,
)
from registry.formatting import enrollment_text


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
        return enrollment_text(self.get("enrollment"), self.get("enrollment_type"))

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
        }
        if design:
            data["trialDesign"] = design
        if self.get("conditions"):
            data["healthCondition"] = [
                {"@type": "MedicalCondition", "name": name} for name in self["conditions"]
            ]
        if self.get("sponsor"):
            data["sponsor"] = {"@type": "Organization", "name": self["sponsor"]}
        return data


class ClinicalTrialBlock(HeadedBlockMixin, ValidatingStructBlock):
    """A registered clinical trial shown as a card with its status and registry link."""

    registry_id = blocks.CharBlock(
        label=_("Registry ID"),
        max_length=40,
        help_text=_("ClinicalTrials.gov NCT number (NCT + 8 digits) or a ChiCTR number."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=500)
    summary = StrictRichTextBlock(label=_("Summary"), required=False, features=INLINE_FEATURES)
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
        description = _("A registered clinical trial with its status and registry link.")
