"""The sample records in registry/fixtures: the seed's trials and reviews, with their Chinese."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from registry.importers import plan_bytes
from registry.models import ClinicalTrial, Publication

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRIAL_FILES = FIXTURES / "clinicaltrials"
PUBLICATION_FILES = FIXTURES / "crossref"
TRANSLATIONS = FIXTURES / "translations_zh_hans.json"


def import_files(kind, folder):
    """Import every JSON file of `folder` as `kind`; the saved records in file-name order."""
    return [plan_bytes(kind, path.read_bytes()).apply() for path in sorted(folder.glob("*.json"))]


def apply_translations(data, language="zh_hans"):
    """Set the translated text (and editorial choices) that `data` gives per registry id / DOI.

    Only fields that are empty are filled, so an editor's own wording is never overwritten.
    """
    changed = []
    for registry_id, values in data.get("trials", {}).items():
        trial = ClinicalTrial.objects.get(registry_id__iexact=registry_id)
        changed += fill(trial, values, language, lists=("conditions", "interventions"))
    for doi, values in data.get("publications", {}).items():
        publication = Publication.objects.get(doi__iexact=doi)
        study_type = values.get("study_type")
        if study_type and publication.study_type in ("", "other"):
            publication.study_type = study_type
        text = {k: v for k, v in values.items() if k != "study_type"}
        changed += fill(publication, text, language, force_save=bool(study_type))
    return changed


def fill(record, values, language, *, lists=(), force_save=False):
    """Fill the empty `<field>_<language>` columns of `record`; [record] when it was saved."""
    dirty = force_save
    for name, value in values.items():
        column = f"{name}_{language}"
        if not getattr(record, column):
            setattr(record, column, "\n".join(value) if name in lists else value)
            dirty = True
    if dirty:
        record.full_clean()
        record.save()
        return [record]
    return []


@transaction.atomic
def load_samples():
    """The seed's trials and publications with their Chinese text: (trials, publications)."""
    trials = import_files("trial", TRIAL_FILES)
    publications = import_files("publication", PUBLICATION_FILES)
    apply_translations(json.loads(TRANSLATIONS.read_text(encoding="utf-8")))
    return trials, publications


def import_missing(kind, folder):
    """Import the files of `folder` whose record does not exist yet: (every record, new ones)."""
    records, created = [], []
    for path in sorted(folder.glob("*.json")):
        plan = plan_bytes(kind, path.read_bytes())
        if plan.action == "created":
            created.append(plan.apply())
        # An existing record stays as it is, whatever the file says.
        records.append(created[-1] if plan.action == "created" else plan.instance)
    return records, created


@dataclass
class SampleRecords:
    """The sample records by registry id and DOI, and those that were just created."""

    trials: dict
    publications: dict
    created: list


@transaction.atomic
def load_missing_samples():
    """The sample records, creating the missing ones.

    A record that exists is left as an editor may have changed it; only a new one gets its
    Chinese text from the fixtures.
    """
    trials, new_trials = import_missing("trial", TRIAL_FILES)
    publications, new_publications = import_missing("publication", PUBLICATION_FILES)
    translations = json.loads(TRANSLATIONS.read_text(encoding="utf-8"))
    new_keys = {t.registry_id for t in new_trials} | {p.doi for p in new_publications}
    apply_translations(
        {
            kind: {key: text for key, text in values.items() if key in new_keys}
            for kind, values in translations.items()
        }
    )
    # Read back: the translations were saved through other instances.
    trials = ClinicalTrial.objects.filter(pk__in=[trial.pk for trial in trials])
    publications = Publication.objects.filter(pk__in=[p.pk for p in publications])
    created = {(type(record), record.pk) for record in new_trials + new_publications}
    return SampleRecords(
        trials={trial.registry_id: trial for trial in trials},
        publications={publication.doi: publication for publication in publications},
        created=[r for r in [*trials, *publications] if (type(r), r.pk) in created],
    )


def delete_samples():
    """Delete the sample records (the demo's --reset, once no page cites them)."""
    for kind, folder, model, key in (
        ("trial", TRIAL_FILES, ClinicalTrial, "registry_id"),
        ("publication", PUBLICATION_FILES, Publication, "doi"),
    ):
        keys = [
            getattr(plan_bytes(kind, path.read_bytes()).instance, key)
            for path in sorted(folder.glob("*.json"))
        ]
        model.objects.filter(**{f"{key}__in": keys}).delete()
