"""Old bodies' typed-in trials, studies and references turned into registry records and citations.

Run by the data migration articles/0014 on its historical models (`apps`), so it calls no
method of the current models: only the registry's pure rules (registry.choices).
"""

import datetime
import json
import re
import uuid

from django.db.models import JSONField
from django.db.models.functions import Cast

from registry.choices import (
    TRIAL_PHASES,
    is_registry_id,
    normalise_doi,
    normalise_registry_id,
    parse_partial_date,
)
from registry.models import initials

# Chinese first: where the two languages disagree about a fact, the Chinese value is kept.
LANGUAGES = ("zh_hans", "en")
CJK_RE = re.compile(r"[\u3400-\u9fff]")
TRIAL_TEXTS = ("title", "conditions", "interventions", "why_stopped")


def items(value):
    """The values of a raw ListBlock, whether stored as item dicts or as a plain list."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
        for item in value or []
    ]


def partial_date(text):
    """(date, precision) from 'YYYY-MM' or 'YYYY-MM-DD'; (None, 'DAY') otherwise."""
    parts = parse_partial_date(text or "")
    if not parts:
        return None, "DAY"
    day = parts[2] if len(parts) == 3 else 1
    return datetime.date(parts[0], parts[1], day), "DAY" if len(parts) == 3 else "MONTH"


def trial_facts(value):
    """The language-independent facts a typed-in trial card gave."""
    start, start_precision = partial_date(value.get("start_date"))
    end, end_precision = partial_date(value.get("completion_date"))
    chosen = set(value.get("phases") or [])
    return {
        "phases": [key for key, _label in TRIAL_PHASES if key in chosen],
        "allocation": value.get("allocation") or "",
        "masking": value.get("masking") or "",
        "placebo_controlled": bool(value.get("placebo_controlled")),
        "enrollment": value.get("enrollment"),
        "enrollment_type": value.get("enrollment_type") or "ESTIMATED",
        "status": value.get("status") or "UNKNOWN",
        "sponsor": (value.get("sponsor") or "").strip(),
        "start_date": start,
        "start_date_precision": start_precision,
        "completion_date": end,
        "completion_date_precision": end_precision,
    }


def trial_texts(value):
    """The text of a typed-in trial card, in its body's language."""
    return {
        "title": (value.get("title") or "").strip(),
        "conditions": "\n".join(c.strip() for c in items(value.get("conditions")) if c),
        "interventions": "\n".join(i.strip() for i in items(value.get("interventions")) if i),
        "why_stopped": (value.get("why_stopped") or "").strip(),
    }


def author_names(value):
    """The typed-in authors, 'Surname, I.' each, in byline order."""
    return [name.strip() for name in items(value.get("authors")) if name and name.strip()]


def split_author(name):
    """(family, given) from 'Surname, I.'; a name without a comma is a group author."""
    family, _comma, given = name.partition(",")
    return family.strip(), given.strip()


def citation_name(author):
    """A stored author as cited: 'Leszek, J.W.', or the group's name."""
    abbreviated = initials(author.given)
    return f"{author.family}, {abbreviated}" if abbreviated else author.family


def publication_facts(value, *, with_type):
    """The bibliographic facts a typed-in study summary or reference gave."""
    published = value.get("published_date")
    facts = {
        "journal_abbreviation": (value.get("journal") or "").strip(),
        "year": value.get("year"),
        "volume": (value.get("volume") or "").strip(),
        "issue": (value.get("issue") or "").strip(),
        "pages": (value.get("pages") or "").strip(),
        "published_date": datetime.date.fromisoformat(published) if published else None,
    }
    if with_type:
        facts["study_type"] = value.get("study_type") or "other"
    return {name: fact for name, fact in facts.items() if fact not in ("", None)}


def shown(fact):
    """A fact as the conflict report shows it."""
    if isinstance(fact, list):
        return ", ".join(str(f) for f in fact)
    return "" if fact is None else str(fact)


class RecordConversion:
    """One pass over every article's live content and latest revision, Chinese before English."""

    def __init__(self, apps, stdout=None):
        self.trials = apps.get_model("registry", "ClinicalTrial")
        self.publications = apps.get_model("registry", "Publication")
        self.authors = apps.get_model("registry", "PublicationAuthor")
        self.conflict_model = apps.get_model("registry", "CitationConflict")
        self.pages = apps.get_model("articles", "ArticlePage")
        self.revisions = apps.get_model("wagtailcore", "Revision")
        self.stdout = stdout
        self.conflicts = []
        self.reported = set()
        self.converted_pages = set()
        self.created = {"trials": 0, "publications": 0}

    def run(self):
        """Convert every article; save the conflicts; the conversion itself, for its counts."""
        raw = {f"raw_{lang}": Cast(f"body_{lang}", JSONField()) for lang in LANGUAGES}
        for page in self.pages.objects.annotate(**raw).order_by("path"):
            self.convert_live(page)
            revision = self.revisions.objects.filter(pk=page.latest_revision_id).first()
            if revision is not None:
                # The live revision says what the live content said: report its conflicts once.
                report = revision.pk != page.live_revision_id
                self.convert_revision(page, revision, report=report)
        self.conflict_model.objects.bulk_create(self.conflicts)
        self.print_summary()
        return self

    def convert_live(self, page):
        bodies = {lang: getattr(page, f"raw_{lang}") or [] for lang in LANGUAGES}
        converted = self.convert(bodies, page, "live")
        if converted != bodies:
            self.pages.objects.filter(pk=page.pk).update(
                **{f"body_{lang}": converted[lang] for lang in LANGUAGES}
            )
            self.converted_pages.add(page.pk)

    def convert_revision(self, page, revision, *, report=True):
        content = revision.content
        bodies = {
            lang: json.loads(content.get(f"body_{lang}") or "[]")
            if isinstance(content.get(f"body_{lang}"), str)
            else content.get(f"body_{lang}") or []
            for lang in LANGUAGES
        }
        converted = self.convert(bodies, page, "revision", report=report)
        if converted != bodies:
            for lang in LANGUAGES:
                content[f"body_{lang}"] = json.dumps(converted[lang])
            self.revisions.objects.filter(pk=revision.pk).update(content=content)
            self.converted_pages.add(page.pk)

    def convert(self, bodies, page, source, *, report=True):
        """{language: body} with each old block replaced by the citing block of its record."""
        self.where = {"page_id": page.pk, "source": source, "report": report}
        return {
            lang: [self.convert_block(block, lang) for block in bodies[lang]] for lang in LANGUAGES
        }

    def convert_block(self, block, language):
        """The citing block that replaces an old one, or the block itself."""
        converter = {
            "trial": self.trial_card,
            "study": self.study_summary,
            "references": self.reference_list,
        }.get(block.get("type"))
        if converter is None:
            return block
        return converter(block, block.get("value") or {}, language) or block

    def trial_card(self, block, value, language):
        trial = self.trial(value, language)
        if trial is None:
            return None
        return self.cite(block, "trial_record", trial=trial.pk, note=value.get("summary") or "")

    def study_summary(self, block, value, language):
        publication = self.publication(value, language, with_type=True)
        if publication is None:
            return None
        return self.cite(
            block,
            "study_record",
            publication=publication.pk,
            population=value.get("population") or "",
            intervention=value.get("intervention") or "",
            key_findings=value.get("key_findings") or "",
        )

    def reference_list(self, block, value, language):
        cited = [
            self.publication(reference, language, with_type=False)
            for reference in items(value.get("references"))
        ]
        if not cited or None in cited:
            return None
        return self.cite(
            block,
            "reference_list",
            references=[{"type": "item", "value": p.pk, "id": str(uuid.uuid4())} for p in cited],
        )

    @staticmethod
    def cite(block, kind, **value):
        return {"type": kind, "value": value, "id": block.get("id") or str(uuid.uuid4())}

    def report(self, key, field, kept, other, language):
        seen = (key, field, shown(kept), shown(other), language, self.where["page_id"])
        if not self.where["report"] or seen in self.reported:
            return
        self.reported.add(seen)
        self.conflicts.append(
            self.conflict_model(
                record_key=key,
                field=field,
                kept_value=seen[2],
                other_value=seen[3],
                language=language,
                page_id=self.where["page_id"],
                source=self.where["source"],
            )
        )

    # Values that say "not known yet": a reference's record learns its study type from a study.
    placeholders = {"study_type": "other"}

    def keep_or_report(self, key, record, facts, language):
        """Set the facts a new record lacks; report those that differ from the record's."""
        for field, fact in facts.items():
            current = getattr(record, field)
            if current in ("", None, []) or current == self.placeholders.get(field):
                setattr(record, field, fact)
            elif current != fact:
                self.report(key, field, current, fact, language)

    def fill_texts(self, key, record, texts, language):
        """Fill the record's empty text in `language`; report text that differs from it."""
        for name, text in texts.items():
            column = f"{name}_{language}"
            current = getattr(record, column) or ""
            if not current:
                setattr(record, column, text)
            elif text and current != text:
                self.report(key, column, current, text, language)

    def trial(self, value, language):
        """The trial record a typed-in card describes, created or completed from it."""
        registry_id = normalise_registry_id(value.get("registry_id"))
        if not is_registry_id(registry_id):
            self.report(registry_id or "—", "registry_id", "", value.get("registry_id"), language)
            return None
        trial = self.trials.objects.filter(registry_id__iexact=registry_id).first()
        facts = trial_facts(value)
        if trial is None:
            trial = self.trials(registry_id=registry_id, **facts)
            self.created["trials"] += 1
        else:
            self.keep_or_report(registry_id, trial, facts, language)
        self.fill_texts(registry_id, trial, trial_texts(value), language)
        trial.save()
        return trial

    def publication(self, value, language, *, with_type):
        """The publication a typed-in study or reference cites, by DOI, else by URL."""
        doi = normalise_doi(value.get("doi"))
        url = (value.get("url") or "").strip()
        title = (value.get("title") or "").strip()
        if not doi and not url:
            self.report(title or "—", "doi", "", "", language)
            return None
        key = doi or url
        found = self.publications.objects.filter(**({"doi__iexact": doi} if doi else {"url": url}))
        record = found.first()
        names = author_names(value)
        # A Chinese body may give the title translated; the record keeps the title as published.
        translated = title if language == "zh_hans" and CJK_RE.search(title) else ""
        facts = publication_facts(value, with_type=with_type)
        if record is None:
            record = self.publications(doi=doi, url=url, title=title, study_type="other")
            self.keep_or_report(key, record, facts, language)
            record.save()
            self.authors.objects.bulk_create(
                self.authors(publication=record, sort_order=order, family=family, given=given)
                for order, (family, given) in enumerate(map(split_author, names))
            )
            self.created["publications"] += 1
        else:
            if record.title and CJK_RE.search(record.title) and title and not translated:
                record.title = title
            elif title and not translated and record.title != title:
                self.report(key, "title", record.title, title, language)
            self.keep_or_report(key, record, facts, language)
            stored = [citation_name(a) for a in record.authors.order_by("sort_order")]
            if names and stored != names:
                self.report(key, "authors", "; ".join(stored), "; ".join(names), language)
        if translated:
            self.fill_texts(key, record, {"translated_title": translated}, language)
        record.save()
        return record

    def print_summary(self):
        if self.stdout is None:
            return
        self.stdout.write(
            f"\n  Cited records: {len(self.converted_pages)} articles converted, "
            f"{self.created['trials']} trials and {self.created['publications']} publications "
            f"created, {len(self.conflicts)} conflicts (Chinese kept; listed in the admin).\n"
        )
        for conflict in self.conflicts:
            self.stdout.write(
                f"    {conflict.record_key} {conflict.field}: kept {conflict.kept_value!r}, "
                f"page {conflict.page_id} ({conflict.source}, {conflict.language}) said "
                f"{conflict.other_value!r}\n"
            )
