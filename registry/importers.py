"""Records from the registries' own formats: ClinicalTrials.gov API v2 studies, Crossref works.

Each importer reads bytes, refuses what it cannot trust with a reason in the user's language,
and returns a plan (create / update / unchanged, with the fields that change) that is applied
only when confirmed. English text goes to the `_en` columns; Chinese is left to an editor.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from registry.choices import (
    ALLOCATIONS,
    DOI_PREFIX_RE,
    DOI_RE,
    ENROLLMENT_TYPES,
    MASKINGS,
    TRIAL_PHASES,
    TRIAL_STATUSES,
    normalise_doi,
    normalise_registry_id,
    parse_partial_date,
)
from registry.models import ClinicalTrial, Publication, PublicationAuthor

# A ClinicalTrials.gov study with results is a few hundred kB; nothing legitimate comes near this.
MAX_BYTES = 2 * 1024 * 1024


class RefusedError(Exception):
    """A file or text that is not a record the importer can trust; the message says why."""


def read_json(data):
    """The JSON object in `data` (bytes or text); RefusedError if too large, not UTF-8 or JSON."""
    if len(data) > MAX_BYTES:
        limit = MAX_BYTES // 2**20
        raise RefusedError(_("The file is larger than %(limit)s MB.") % {"limit": limit})
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise RefusedError(_("The file is not UTF-8 text.")) from error
    try:
        document = json.loads(data)
    except (json.JSONDecodeError, RecursionError) as error:
        raise RefusedError(_("The file is not valid JSON.")) from error
    if not isinstance(document, dict):
        raise RefusedError(_("The JSON is not an object."))
    return document


class Reader:
    """Typed access to one JSON object; a wrong type is refused with the path named."""

    def __init__(self, data, path):
        self.data, self.path = data, path

    def refuse(self, key, expected):
        """RefusedError for `key` not being `expected`."""
        raise RefusedError(
            _("%(path)s is not %(expected)s.")
            % {"path": f"{self.path}.{key}", "expected": expected}
        )

    def obj(self, key, *, required=False):
        """The sub-object at `key` (empty when absent and not required)."""
        value = self.data.get(key)
        if value is None and not required:
            value = {}
        if not isinstance(value, dict):
            if value is None:
                raise RefusedError(_("%(path)s is missing.") % {"path": f"{self.path}.{key}"})
            self.refuse(key, _("an object"))
        return Reader(value, f"{self.path}.{key}")

    def text(self, key, max_length=500):
        """The string at `key`, stripped, or ''."""
        value = self.data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.refuse(key, _("text"))
        value = value.strip()
        if len(value) > max_length:
            raise RefusedError(
                _("%(path)s is longer than %(max)s characters.")
                % {"path": f"{self.path}.{key}", "max": max_length}
            )
        return value

    def number(self, key):
        """The whole number at `key`, or None."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.refuse(key, _("a whole number"))
        return value

    def items(self, key):
        """The list at `key` (empty when absent)."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.refuse(key, _("a list"))
        return value

    def texts(self, key, max_length=500):
        """The strings of the list at `key`."""
        values = self.items(key)
        if not all(isinstance(v, str) for v in values):
            self.refuse(key, _("a list of text"))
        reader = Reader(dict(enumerate(v.strip() for v in values)), f"{self.path}.{key}")
        return [reader.text(i, max_length) for i in range(len(values)) if values[i].strip()]

    def objects(self, key):
        """Readers for the objects of the list at `key`."""
        values = self.items(key)
        if not all(isinstance(v, dict) for v in values):
            self.refuse(key, _("a list of objects"))
        return [Reader(v, f"{self.path}.{key}[{i}]") for i, v in enumerate(values)]


def checked_choice(reader, key, choices):
    """The value at `key` when it is one of `choices`, '' when absent."""
    value = reader.text(key, 40)
    if value and value not in dict(choices):
        raise RefusedError(
            _("%(path)s has an unknown value %(value)s.")
            % {"path": f"{reader.path}.{key}", "value": value}
        )
    return value


def registry_date(reader, key):
    """(date, precision) from a ClinicalTrials.gov date struct ('2018-01' or '2018-01-15')."""
    text = reader.obj(key).text("date", 10)
    if not text:
        return None, "DAY"
    parts = parse_partial_date(text)
    if parts is None:
        raise RefusedError(
            _("%(path)s is not a date such as 2019-05 or 2019-05-31.")
            % {"path": f"{reader.path}.{key}.date"}
        )
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], 1), "MONTH"
    return datetime.date(*parts), "DAY"


def trial_values(document):
    """ClinicalTrial field values from a ClinicalTrials.gov API v2 study."""
    if "protocolSection" not in document:
        raise RefusedError(_("This is not a ClinicalTrials.gov study: it has no protocolSection."))
    protocol = Reader(document, "study").obj("protocolSection", required=True)
    ident = protocol.obj("identificationModule", required=True)
    status = protocol.obj("statusModule", required=True)
    design = protocol.obj("designModule")
    info = design.obj("designInfo")
    enrollment = design.obj("enrollmentInfo")
    arms = protocol.obj("armsInterventionsModule")
    registry_id = normalise_registry_id(ident.text("nctId", 40))
    if not registry_id:
        raise RefusedError(_("The study has no protocolSection.identificationModule.nctId."))
    phases = design.texts("phases", 20)
    if any(p not in dict(TRIAL_PHASES) for p in phases):
        raise RefusedError(_("%(path)s has an unknown phase.") % {"path": f"{design.path}.phases"})
    overall = checked_choice(status, "overallStatus", TRIAL_STATUSES)
    if not overall:
        raise RefusedError(_("The study has no statusModule.overallStatus."))
    start, start_precision = registry_date(status, "startDateStruct")
    end, end_precision = registry_date(status, "completionDateStruct")
    arm_types = [arm.text("type", 40) for arm in arms.objects("armGroups")]
    interventions = [i.text("name", 300) for i in arms.objects("interventions")]
    count = enrollment.number("count")
    return {
        "registry_id": registry_id,
        "title_en": ident.text("briefTitle") or ident.text("officialTitle"),
        "phases": [key for key, _label in TRIAL_PHASES if key in phases],
        "allocation": checked_choice(info, "allocation", ALLOCATIONS),
        "masking": checked_choice(info.obj("maskingInfo"), "masking", MASKINGS),
        "placebo_controlled": "PLACEBO_COMPARATOR" in arm_types
        or any("placebo" in name.lower() for name in interventions),
        "enrollment": count,
        "enrollment_type": checked_choice(enrollment, "type", ENROLLMENT_TYPES) or "ESTIMATED",
        "status": overall,
        "why_stopped_en": status.text("whyStopped"),
        "conditions_en": "\n".join(protocol.obj("conditionsModule").texts("conditions", 300)),
        "interventions_en": "\n".join(name for name in interventions if name),
        "start_date": start,
        "start_date_precision": start_precision,
        "completion_date": end,
        "completion_date_precision": end_precision,
        "sponsor": protocol.obj("sponsorCollaboratorsModule").obj("leadSponsor").text("name", 300),
    }


def crossref_date(reader):
    """The publication date (or None) and year from Crossref's date-parts."""
    for key in ("published", "published-print", "published-online", "issued"):
        parts = reader.obj(key).items("date-parts")
        if parts and isinstance(parts[0], list) and parts[0]:
            numbers = parts[0]
            if not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
                raise RefusedError(_("%(path)s is not a date.") % {"path": f"{reader.path}.{key}"})
            if len(numbers) >= 3:
                try:
                    return datetime.date(*numbers[:3]), numbers[0]
                except ValueError as error:
                    raise RefusedError(
                        _("%(path)s is not a date.") % {"path": f"{reader.path}.{key}"}
                    ) from error
            return None, numbers[0]
    return None, None


def first_text(reader, key, max_length=500):
    """The first string of a Crossref list field (title, container-title…), or ''."""
    values = reader.texts(key, max_length)
    return values[0] if values else ""


def publication_values(document):
    """Publication field values and (family, given) authors from a Crossref work."""
    if isinstance(document.get("message"), dict) or "message-type" in document:
        if document.get("message-type") not in (None, "work"):
            raise RefusedError(_("The Crossref response is not a single work."))
        work = Reader(document, "response").obj("message", required=True)
    else:
        work = Reader(document, "message")
    doi = normalise_doi(work.text("DOI", 200))
    if not doi:
        raise RefusedError(_("The work has no DOI: it is not a Crossref work."))
    if not DOI_RE.match(doi):
        raise RefusedError(_("%(doi)s is not a DOI.") % {"doi": doi})
    title = first_text(work, "title")
    if not title:
        raise RefusedError(_("The work has no title."))
    authors = []
    for author in work.objects("author"):
        family = author.text("family", 120) or author.text("name", 120)
        if family:
            authors.append((family, author.text("given", 120)))
    published, year = crossref_date(work)
    url = work.text("URL", 500)
    return {
        "doi": doi,
        # Crossref's URL is the DOI's resolver link, which the DOI already gives.
        "url": "" if DOI_PREFIX_RE.match(url) else url,
        "title": title,
        "journal": first_text(work, "container-title", 300),
        "journal_abbreviation": first_text(work, "short-container-title", 200),
        "year": year,
        "volume": work.text("volume", 20),
        "issue": work.text("issue", 20),
        "pages": work.text("article-number", 40) or work.text("page", 40),
        "published_date": published,
    }, authors


@dataclass
class Change:
    """One field that an import changes."""

    name: str
    label: str
    old: str
    new: str


@dataclass
class Plan:
    """What importing one document would do: its record, the action and the changed fields."""

    instance: object
    action: str  # "created", "updated" or "unchanged"
    changes: list = field(default_factory=list)
    authors: list | None = None

    @property
    def digest(self):
        """A fingerprint of the changes, to tell whether a confirmed preview is still true."""
        text = json.dumps([(c.name, c.old, c.new) for c in self.changes], ensure_ascii=False)
        return hashlib.sha256(f"{self.action}{text}".encode()).hexdigest()[:16]

    def apply(self):
        """Save the record (nothing happens for an unchanged one); the saved record."""
        if self.action == "unchanged":
            return self.instance
        with transaction.atomic():
            if self.authors is not None:
                self.instance.authors = [
                    PublicationAuthor(family=family, given=given) for family, given in self.authors
                ]
            self.instance.save()
        return self.instance


def shown(value):
    """A field value as the preview shows it."""
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def plan_for(model, existing, values):
    """A Plan that sets `values` on `existing` (or a new `model`), after the model's checks."""
    instance = existing or model()
    changes = []
    for name, new in values.items():
        old = getattr(instance, name)
        if old in (None, "") and new in (None, ""):
            continue
        if old != new:
            label = str(model._meta.get_field(name).verbose_name)
            if name.endswith("_en"):
                label = f"{label} (English)"
            changes.append(Change(name, label, shown(old), shown(new)))
            setattr(instance, name, new)
    action = "created" if existing is None else "updated" if changes else "unchanged"
    return Plan(instance, action, changes)


def refuse_invalid(error):
    """RefusedError listing a model's validation errors."""
    messages = []
    for name, errors in error.message_dict.items():
        messages.extend(f"{name}: {message}" for message in errors)
    raise RefusedError("; ".join(messages)) from error


def plan_trial(document):
    """The Plan for a ClinicalTrials.gov study; RefusedError when it is not one."""
    values = trial_values(document)
    existing = ClinicalTrial.objects.filter(registry_id__iexact=values["registry_id"]).first()
    plan = plan_for(ClinicalTrial, existing, values)
    trial = plan.instance
    errors = trial.fact_errors()
    try:
        trial.clean_fields(exclude=["title_zh_hans", "title"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        refuse_invalid(ValidationError(errors))
    return plan


def plan_publication(document, study_type=""):
    """The Plan for a Crossref work; a new record takes `study_type` (default 'other')."""
    values, authors = publication_values(document)
    existing = Publication.objects.filter(doi__iexact=values["doi"]).first()
    if existing is None:
        values["study_type"] = study_type or "other"
    elif study_type:
        values["study_type"] = study_type
    plan = plan_for(Publication, existing, values)
    old_authors = [(a.family, a.given) for a in existing.authors.all()] if existing else []
    if old_authors != authors:
        plan.changes.append(
            Change(
                "authors",
                _("Authors"),
                shown([" ".join(filter(None, a[::-1])) for a in old_authors]),
                shown([" ".join(filter(None, a[::-1])) for a in authors]),
            )
        )
        plan.authors = authors
        if plan.action == "unchanged":
            plan.action = "updated"
    try:
        plan.instance.full_clean(exclude=["authors"], validate_constraints=existing is None)
    except ValidationError as error:
        refuse_invalid(error)
    return plan


PLANNERS = {"trial": plan_trial, "publication": plan_publication}


def plan_bytes(kind, data, **options):
    """The Plan for `data` (bytes or text) of `kind` ('trial' or 'publication')."""
    return PLANNERS[kind](read_json(data), **options)
