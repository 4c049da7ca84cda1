"""Registry vocabularies (ClinicalTrials.gov and study types) and the parsers of ids and dates."""

import datetime
import re

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

NCT_RE = re.compile(r"^NCT\d{8}$")
CHICTR_RE = re.compile(r"^ChiCTR-?[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")
PARTIAL_DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
# Crossref's recommended pattern for modern DOIs.
DOI_RE = re.compile(r"^10.\d{4,9}/[-._;()/:A-Z0-9]+$", re.IGNORECASE)
DOI_PREFIX_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
MIN_YEAR = 1800


def max_year():
    """The latest publication year accepted: next year, for articles in press."""
    return timezone.localdate().year + 1


def list_separator():
    """The separator between items of a short inline list in the active language."""
    return pgettext("inline list separator", ", ")


def normalise_doi(doi):
    """The bare lower-case DOI (10.xxxx/…) from what an editor pasted, e.g. a doi.org link.

    DOIs are case-insensitive; Crossref reports them in lower case.
    """
    return DOI_PREFIX_RE.sub("", (doi or "").strip()).lower()


def normalise_registry_id(registry_id):
    """The registry id as registries spell it: NCT upper-case, ChiCTR with its mixed case."""
    text = (registry_id or "").strip()
    if text.upper().startswith("CHICTR"):
        return "ChiCTR" + text[6:].upper()
    return text.upper()


def is_registry_id(registry_id):
    """Whether the text is an NCT number (NCT + 8 digits) or a ChiCTR number."""
    return bool(NCT_RE.match(registry_id or "") or CHICTR_RE.match(registry_id or ""))


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


TRIAL_PHASES = [
    ("EARLY_PHASE1", _("Early phase 1")),
    ("PHASE1", _("Phase 1")),
    ("PHASE2", _("Phase 2")),
    ("PHASE3", _("Phase 3")),
    ("PHASE4", _("Phase 4")),
    ("NA", _("Not applicable")),
]
# The numbers of combined phases: "Phase 1/2" in English, "I/II期" in Chinese.
PHASE_NUMERALS = {
    "PHASE1": pgettext_lazy("trial phase numeral", "1"),
    "PHASE2": pgettext_lazy("trial phase numeral", "2"),
    "PHASE3": pgettext_lazy("trial phase numeral", "3"),
    "PHASE4": pgettext_lazy("trial phase numeral", "4"),
}

TRIAL_STATUSES = [
    ("NOT_YET_RECRUITING", _("Not yet recruiting")),
    ("RECRUITING", _("Recruiting")),
    ("ENROLLING_BY_INVITATION", _("Enrolling by invitation")),
    ("ACTIVE_NOT_RECRUITING", _("Active, not recruiting")),
    ("SUSPENDED", _("Suspended")),
    ("TERMINATED", _("Terminated")),
    ("COMPLETED", _("Completed")),
    ("WITHDRAWN", _("Withdrawn")),
    ("UNKNOWN", _("Unknown status")),
    ("WITHHELD", _("Withheld")),
    ("NO_LONGER_AVAILABLE", _("No longer available")),
    ("AVAILABLE", _("Available")),
    ("APPROVED_FOR_MARKETING", _("Approved for marketing")),
    ("TEMPORARILY_NOT_AVAILABLE", _("Temporarily not available")),
]
STOPPED_STATUSES = {"SUSPENDED", "TERMINATED", "WITHDRAWN"}
# Badge state per status: open for enrolment, running, finished, stopped or unknown.
STATUS_STATES = {
    "NOT_YET_RECRUITING": "open",
    "RECRUITING": "open",
    "ENROLLING_BY_INVITATION": "open",
    "AVAILABLE": "open",
    "ACTIVE_NOT_RECRUITING": "active",
    "COMPLETED": "completed",
    "APPROVED_FOR_MARKETING": "completed",
    "NO_LONGER_AVAILABLE": "completed",
    "SUSPENDED": "stopped",
    "TERMINATED": "stopped",
    "WITHDRAWN": "stopped",
    "TEMPORARILY_NOT_AVAILABLE": "stopped",
    "UNKNOWN": "unknown",
    "WITHHELD": "unknown",
}
# schema.org MedicalStudyStatus members; the other registry statuses have none.
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

ENROLLMENT_TYPES = [("ACTUAL", _("Actual")), ("ESTIMATED", _("Estimated"))]

DATE_PRECISIONS = [("DAY", _("Day")), ("MONTH", _("Month"))]

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
