"""ClinicalTrial and Publication: the facts articles cite, stored once for every language."""

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from common.admin_forms import StaleEditCheckedModelForm
from registry.choices import (
    ALLOCATIONS,
    DATE_PRECISIONS,
    DOI_RE,
    ENROLLMENT_TYPES,
    MASKINGS,
    MIN_YEAR,
    PHASE_NUMERALS,
    SCHEMA_MASKINGS,
    SCHEMA_STATUSES,
    STATUS_STATES,
    STOPPED_STATUSES,
    STUDY_TYPES,
    TRIAL_PHASES,
    TRIAL_STATUSES,
    is_registry_id,
    list_separator,
    max_year,
    normalise_doi,
    normalise_registry_id,
)
from registry.fields import ChoiceListField
from registry.formatting import citation_html, enrollment_text
from registry.serializers import AuthorSerializer, text_list

# The translated text fields of a trial; English counts as shown once any of them has English.
TRIAL_TEXT_FIELDS = ("title", "conditions", "interventions", "why_stopped")


def partial_date_text(day, precision):
    """A registry date as readers see it: '2019年5月' / 'May 2019', or the full date."""
    if day is None:
        return ""
    return date_format(day, "YEAR_MONTH_FORMAT" if precision == "MONTH" else "DATE_FORMAT")


@contextmanager
def errors_on_field(name):
    """Report the record-wide errors of expression constraints on the field they are about."""
    try:
        yield
    except ValidationError as error:
        errors = dict(error.error_dict)
        record_wide = errors.pop(NON_FIELD_ERRORS, [])
        unique = [e for e in record_wide if e.code == "unique"]
        others = [e for e in record_wide if e.code != "unique"]
        if unique:
            errors[name] = [*errors.get(name, []), *unique]
        if others:
            errors[NON_FIELD_ERRORS] = others
        raise ValidationError(errors) from error


def lines(text):
    """The non-empty lines of a one-item-per-line text field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ClinicalTrialQuerySet(models.QuerySet):
    """Trials, with the ones an editor still has to translate into Chinese."""

    def needing_translation(self):
        """Trials with English text whose Chinese counterpart is empty."""
        missing = models.Q()
        for name in TRIAL_TEXT_FIELDS:
            empty = models.Q(**{f"{name}_zh_hans": ""}) | models.Q(
                **{f"{name}_zh_hans__isnull": True}
            )
            english = ~models.Q(**{f"{name}_en": ""}) & models.Q(**{f"{name}_en__isnull": False})
            missing |= empty & english
        return self.filter(missing)

    def shown_in(self, language):
        """Trials with a public page in `language`: all in Chinese, those with an English title."""
        if language.replace("-", "_") == "zh_hans":
            return self
        return self.exclude(title_en="").exclude(title_en__isnull=True)


class ClinicalTrial(models.Model):
    """A registered clinical trial: one record per registry id, cited in every language."""

    registry_id = models.CharField(
        _("registry ID"),
        max_length=40,
        help_text=_("ClinicalTrials.gov NCT number (NCT + 8 digits) or a ChiCTR number."),
    )
    title = models.CharField(_("title"), max_length=500, blank=True)
    phases = ChoiceListField(
        _("phases"),
        choices=TRIAL_PHASES,
        blank=True,
        help_text=_("A phase 1/2 trial has both phases."),
    )
    allocation = models.CharField(_("allocation"), max_length=20, choices=ALLOCATIONS, blank=True)
    masking = models.CharField(_("masking"), max_length=20, choices=MASKINGS, blank=True)
    placebo_controlled = models.BooleanField(_("placebo-controlled"), default=False)
    enrollment = models.IntegerField(_("enrollment"), null=True, blank=True)
    enrollment_type = models.CharField(
        _("enrollment type"), max_length=10, choices=ENROLLMENT_TYPES, default="ESTIMATED"
    )
    status = models.CharField(_("overall status"), max_length=30, choices=TRIAL_STATUSES)
    why_stopped = models.CharField(
        _("why stopped"),
        max_length=500,
        blank=True,
        help_text=_("Required when the trial is terminated, suspended or withdrawn."),
    )
    conditions = models.TextField(_("conditions"), blank=True, help_text=_("One per line."))
    interventions = models.TextField(_("interventions"), blank=True, help_text=_("One per line."))
    start_date = models.DateField(_("start date"), null=True, blank=True)
    start_date_precision = models.CharField(
        _("start date precision"),
        max_length=5,
        choices=DATE_PRECISIONS,
        default="DAY",
        help_text=_("Month when the registry gives only the year and month."),
    )
    completion_date = models.DateField(_("completion date"), null=True, blank=True)
    completion_date_precision = models.CharField(
        _("completion date precision"), max_length=5, choices=DATE_PRECISIONS, default="DAY"
    )
    sponsor = models.CharField(_("sponsor"), max_length=300, blank=True)
    last_checked = models.DateTimeField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_("When these facts were last compared with the registry."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ClinicalTrialQuerySet.as_manager()

    panels = [
        FieldPanel("registry_id"),
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("phases"),
                FieldRowPanel([FieldPanel("allocation"), FieldPanel("masking")]),
                FieldPanel("placebo_controlled"),
                FieldRowPanel([FieldPanel("enrollment"), FieldPanel("enrollment_type")]),
            ],
            heading=_("Design"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("why_stopped")],
            heading=_("Status"),
        ),
        FieldPanel("conditions"),
        FieldPanel("interventions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_date_precision")]),
                FieldRowPanel(
                    [FieldPanel("completion_date"), FieldPanel("completion_date_precision")]
                ),
            ],
            heading=_("Dates"),
        ),
        FieldPanel("sponsor"),
        FieldPanel("last_checked"),
    ]
    base_form_class = StaleEditCheckedModelForm

    # The public API (cms.api): the facts once, the text and labels in the requested language.
    api_fields = [
        APIField("registry_id"),
        APIField("registry_name"),
        APIField("registry_url"),
        APIField("title"),
        APIField("status"),
        APIField("status_label"),
        APIField("why_stopped"),
        APIField("phases", serializer=text_list()),
        APIField("phase_label"),
        APIField("allocation"),
        APIField("masking"),
        APIField("placebo_controlled"),
        APIField("design_summary"),
        APIField("enrollment"),
        APIField("enrollment_type"),
        APIField("enrollment_text"),
        APIField("conditions", serializer=text_list("conditions_list")),
        APIField("interventions", serializer=text_list("interventions_list")),
        APIField("start_date"),
        APIField("start_date_precision"),
        APIField("completion_date"),
        APIField("completion_date_precision"),
        APIField("dates_text"),
        APIField("sponsor"),
        APIField("last_checked"),
        APIField("updated_at"),
    ]

    class Meta:
        verbose_name = _("clinical trial")
        verbose_name_plural = _("clinical trials")
        ordering = ["registry_id"]
        constraints = [
            models.UniqueConstraint(
                Lower("registry_id"),
                name="registry_trial_id_unique_ci",
                violation_error_message=_("A trial with this registry ID already exists."),
                violation_error_code="unique",
            ),
            models.CheckConstraint(
                condition=models.Q(enrollment__gte=0) | models.Q(enrollment__isnull=True),
                name="registry_trial_enrollment_not_negative",
                violation_error_message=_("Enrollment cannot be negative."),
            ),
        ]

    def __str__(self):
        title = self.title_zh_hans or self.title_en
        return f"{self.registry_id} {title}".strip()

    def save(self, *args, **kwargs):
        self.registry_id = normalise_registry_id(self.registry_id)
        super().save(*args, **kwargs)

    def validate_constraints(self, exclude=None):
        with errors_on_field("registry_id"):
            super().validate_constraints(exclude=exclude)

    # Rules

    def is_shown_in(self, language):
        """Whether the trial has a public page in `language` (see the queryset's shown_in)."""
        return language.replace("-", "_") == "zh_hans" or bool(self.title_en)

    @property
    def url_key(self):
        """The registry id as its public page's address spells it: nct03265808."""
        return self.registry_id.lower()

    def shown_languages(self):
        """The languages the record is shown in: Chinese always, English once it has English."""
        if any(getattr(self, f"{name}_en", "") for name in TRIAL_TEXT_FIELDS):
            return ["zh_hans", "en"]
        return ["zh_hans"]

    def fact_errors(self):
        """{field: error} for the registry facts, whatever the languages."""
        errors = {}
        self.registry_id = normalise_registry_id(self.registry_id)
        if not is_registry_id(self.registry_id):
            errors["registry_id"] = _(
                "Enter an NCT number (NCT followed by 8 digits) or a ChiCTR number."
            )
        unknown = [p for p in self.phases or [] if p not in dict(TRIAL_PHASES)]
        if not isinstance(self.phases, list) or unknown:
            errors["phases"] = _("Choose phases from the ClinicalTrials.gov list.")
        if self.enrollment is not None and self.enrollment < 0:
            errors["enrollment"] = _("Enrollment cannot be negative.")
        if self.start_date and self.completion_date:
            precise = "MONTH" not in (self.start_date_precision, self.completion_date_precision)
            start, end = self.start_date, self.completion_date
            if (end < start) if precise else ((end.year, end.month) < (start.year, start.month)):
                errors["completion_date"] = _(
                    "The completion date cannot be before the start date."
                )
        for name in ("start_date", "completion_date"):
            day = getattr(self, name)
            if day and getattr(self, f"{name}_precision") == "MONTH" and day.day != 1:
                setattr(self, name, day.replace(day=1))
        return errors

    def translation_errors(self):
        """{field: error} for text each shown language needs: title, and why a trial stopped."""
        errors = {}
        stopped = self.status in STOPPED_STATUSES
        for lang in self.shown_languages():
            suffix = f"_{lang}"
            if not getattr(self, f"title{suffix}"):
                errors[f"title{suffix}"] = _("Enter the title in this language.")
            reason = getattr(self, f"why_stopped{suffix}")
            if stopped and not reason:
                errors[f"why_stopped{suffix}"] = _(
                    "Say why the trial was terminated, suspended or withdrawn, in every "
                    "language the trial is shown in."
                )
        if not stopped:
            for lang in ("zh_hans", "en"):
                if getattr(self, f"why_stopped_{lang}"):
                    errors[f"why_stopped_{lang}"] = _(
                        "Only a terminated, suspended or withdrawn trial has a reason for stopping."
                    )
        return errors

    def clean(self):
        super().clean()
        errors = {**self.translation_errors(), **self.fact_errors()}
        if errors:
            raise ValidationError(errors)

    # Display values in the active language

    @property
    def status_label(self):
        """The overall status as readers see it."""
        return str(dict(TRIAL_STATUSES).get(self.status, ""))

    @property
    def status_state(self):
        """open, active, completed, stopped or unknown: the badge's state."""
        return STATUS_STATES.get(self.status, "unknown")

    @property
    def status_css(self):
        """CSS classes of the status badge."""
        return f"badge badge--{self.status_state}"

    @property
    def is_stopped(self):
        """Whether the trial was terminated, suspended or withdrawn."""
        return self.status in STOPPED_STATUSES

    @property
    def is_chictr(self):
        """Whether the trial is registered in the Chinese Clinical Trial Registry."""
        return self.registry_id.startswith("ChiCTR")

    @property
    def registry_name(self):
        """The registry's name."""
        return (
            gettext("Chinese Clinical Trial Registry") if self.is_chictr else "ClinicalTrials.gov"
        )

    @property
    def registry_url(self):
        """The trial's record (ClinicalTrials.gov) or a search for it (ChiCTR)."""
        if self.is_chictr:
            return f"https://www.chictr.org.cn/searchproj.html?regno={self.registry_id}"
        return f"https://clinicaltrials.gov/study/{self.registry_id}"

    @property
    def phase_label(self):
        """The phases as one label: 'I/II期' / 'Phase 1/2', '早期I期', '不适用'."""
        chosen = [key for key, _label in TRIAL_PHASES if key in set(self.phases or [])]
        numerals = [str(PHASE_NUMERALS[key]) for key in chosen if key in PHASE_NUMERALS]
        others = [str(dict(TRIAL_PHASES)[key]) for key in chosen if key not in PHASE_NUMERALS]
        if numerals:
            others.append(gettext("Phase %(numbers)s") % {"numbers": "/".join(numerals)})
        return "/".join(others)

    @property
    def design_summary(self):
        """Allocation, masking and placebo control in one line."""
        parts = []
        if self.allocation and self.allocation != "NA":
            parts.append(self.get_allocation_display())
        if self.masking:
            parts.append(self.get_masking_display())
        if self.placebo_controlled:
            parts.append(gettext("Placebo-controlled"))
        return list_separator().join(str(p) for p in parts)

    @property
    def enrollment_text(self):
        """'30 participants (estimated)' or ''."""
        return enrollment_text(self.enrollment, self.enrollment_type)

    @property
    def conditions_list(self):
        """The conditions in the active language, one item each."""
        return lines(self.conditions)

    @property
    def interventions_list(self):
        """The interventions in the active language, one item each."""
        return lines(self.interventions)

    @property
    def conditions_text(self):
        """The conditions as one line."""
        return list_separator().join(self.conditions_list)

    @property
    def interventions_text(self):
        """The interventions as one line."""
        return list_separator().join(self.interventions_list)

    @property
    def start_date_text(self):
        """The start date as readers see it, or ''."""
        return partial_date_text(self.start_date, self.start_date_precision)

    @property
    def completion_date_text(self):
        """The completion date as readers see it, or ''."""
        return partial_date_text(self.completion_date, self.completion_date_precision)

    @property
    def dates_text(self):
        """'2018年1月 – 2021年12月', one end alone, or ''."""
        start, end = self.start_date_text, self.completion_date_text
        if start and end:
            return gettext("%(start)s – %(end)s") % {"start": start, "end": end}
        if start:
            return gettext("since %(start)s") % {"start": start}
        if end:
            return gettext("until %(end)s") % {"end": end}
        return ""

    @property
    def needs_translation(self):
        """Whether English text exists whose Chinese counterpart is still empty."""
        return any(
            getattr(self, f"{name}_en") and not getattr(self, f"{name}_zh_hans")
            for name in TRIAL_TEXT_FIELDS
        )

    def schema_org(self):
        """The trial as a schema.org MedicalTrial (only properties schema.org defines for it)."""
        data = {
            "@type": "MedicalTrial",
            "name": self.title or self.title_en or self.title_zh_hans,
            "identifier": {
                "@type": "PropertyValue",
                "propertyID": self.registry_name,
                "value": self.registry_id,
            },
            "url": self.registry_url,
        }
        if self.status in SCHEMA_STATUSES:
            data["status"] = f"https://schema.org/{SCHEMA_STATUSES[self.status]}"
        design = []
        if self.allocation == "RANDOMIZED":
            design.append("https://schema.org/RandomizedTrial")
        if self.masking in SCHEMA_MASKINGS:
            design.append(f"https://schema.org/{SCHEMA_MASKINGS[self.masking]}")
        if self.placebo_controlled:
            design.append("https://schema.org/PlaceboControlledTrial")
        if design:
            data["trialDesign"] = design
        if self.conditions_list:
            data["healthCondition"] = [
                {"@type": "MedicalCondition", "name": name} for name in self.conditions_list
            ]
        if self.sponsor:
            data["sponsor"] = {"@type": "Organization", "name": self.sponsor}
        if not data["name"]:
            del data["name"]
        return data


class Publication(ClusterableModel):
    """A published work (paper, review): one record per DOI, or per URL when it has none."""

    title = models.CharField(
        _("title as published"), max_length=500, help_text=_("In the language of publication.")
    )
    translated_title = models.CharField(
        _("translated title"),
        max_length=500,
        blank=True,
        help_text=_("Optional: the title in this language, shown beside the original."),
    )
    journal = models.CharField(_("journal"), max_length=300, blank=True)
    journal_abbreviation = models.CharField(
        _("journal abbreviation"),
        max_length=200,
        blank=True,
        help_text=_("As cited, e.g. Int. J. Mol. Sci."),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    volume = models.CharField(_("volume"), max_length=20, blank=True)
    issue = models.CharField(_("issue"), max_length=20, blank=True)
    pages = models.CharField(_("article number or pages"), max_length=40, blank=True)
    published_date = models.DateField(_("publication date"), null=True, blank=True)
    doi = models.CharField(
        _("DOI"), max_length=200, blank=True, help_text=_("e.g. 10.3390/ijms26178306")
    )
    url = models.URLField(
        _("URL"), max_length=500, blank=True, help_text=_("Only needed when there is no DOI.")
    )
    study_type = models.CharField(_("study type"), max_length=30, choices=STUDY_TYPES)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("doi"),
        FieldPanel("url"),
        FieldPanel("title"),
        FieldPanel("translated_title"),
        InlinePanel("authors", label=_("Authors"), min_num=1, heading=_("Authors")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("journal"), FieldPanel("journal_abbreviation")]),
                FieldRowPanel(
                    [
                        FieldPanel("year"),
                        FieldPanel("volume"),
                        FieldPanel("issue"),
                        FieldPanel("pages"),
                    ]
                ),
                FieldPanel("published_date"),
            ],
            heading=_("Source"),
        ),
        FieldPanel("study_type"),
    ]
    base_form_class = StaleEditCheckedModelForm

    # The public API (cms.api): the work as published, its title in the requested language.
    api_fields = [
        APIField("title"),
        APIField(
            "translated_title",
            serializer=serializers.CharField(source="display_translated_title"),
        ),
        APIField("authors", serializer=AuthorSerializer(many=True)),
        APIField("journal"),
        APIField("journal_abbreviation"),
        APIField("year"),
        APIField("volume"),
        APIField("issue"),
        APIField("pages"),
        APIField("published_date"),
        APIField("doi"),
        APIField("url"),
        APIField("link"),
        APIField("study_type"),
        APIField("study_type_label"),
        APIField("citation_html"),
        APIField("updated_at"),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-year", "title"]
        constraints = [
            models.UniqueConstraint(
                Lower("doi"),
                condition=~models.Q(doi=""),
                name="registry_publication_doi_unique_ci",
                violation_error_message=_("A publication with this DOI already exists."),
                violation_error_code="unique",
            ),
            models.UniqueConstraint(
                "url",
                condition=models.Q(doi=""),
                name="registry_publication_url_unique_without_doi",
                violation_error_message=_("A publication with this URL already exists."),
                violation_error_code="unique",
            ),
        ]

    def __str__(self):
        return f"{self.short_citation} {self.title}".strip()

    def save(self, *args, **kwargs):
        self.doi = normalise_doi(self.doi)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.doi = normalise_doi(self.doi)
        errors = {}
        if self.doi and not DOI_RE.match(self.doi):
            errors["doi"] = _("Enter a DOI such as 10.3390/ijms26178306.")
        if not self.doi and not self.url:
            errors["doi"] = _("Enter the DOI, or the URL when the work has no DOI.")
        if self.year is not None and not MIN_YEAR <= self.year <= max_year():
            errors["year"] = ValidationError(
                _("Enter a year between %(min)s and %(max)s."),
                params={"min": MIN_YEAR, "max": max_year()},
            )
        if self.published_date and self.year and self.published_date.year != self.year:
            errors["published_date"] = _("The publication date is not in the year given.")
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        # The DOI is compared as Crossref normalises it, whatever the editor pasted.
        self.doi = normalise_doi(self.doi)
        with errors_on_field("doi" if self.doi else "url"):
            super().validate_constraints(exclude=exclude)

    @property
    def author_names(self):
        """Authors ACS-style, in order: ['Jurczenko, L.', 'Semeniuk, A.', 'Leszek, J.W.']."""
        return [author.citation_name for author in self.authors.all()]

    @property
    def author_list(self):
        """Authors joined ACS-style: 'Jurczenko, L.; Semeniuk, A.; Leszek, J.W.'"""
        authors = "; ".join(self.author_names)
        return authors if not authors or authors.endswith(".") else f"{authors}."

    @property
    def short_citation(self):
        """'Jurczenko et al. 2025' for listings and choosers."""
        names = [author.family for author in self.authors.all()]
        if not names:
            return str(self.year or "")
        first = names[0] if len(names) == 1 else gettext("%(name)s et al.") % {"name": names[0]}
        return f"{first} {self.year or ''}".strip()

    @property
    def journal_cited(self):
        """The journal as cited: its abbreviation, else its full name."""
        return self.journal_abbreviation or self.journal

    @property
    def doi_url(self):
        """The https://doi.org/ link for the DOI, or ''."""
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def link(self):
        """Where readers find the work: its DOI link, else its URL."""
        return self.doi_url or self.url

    @property
    def study_type_label(self):
        """The study type as readers see it."""
        return str(self.get_study_type_display()) if self.study_type else ""

    @property
    def display_translated_title(self):
        """The title in the active language when it differs from the published one, else ''."""
        translated = (self.translated_title or "").strip()
        return translated if translated and translated != self.title else ""

    @property
    def citation_html(self):
        """The work cited in MDPI/ACS style, as safe HTML."""
        return citation_html(
            authors=self.author_list,
            title=self.title,
            journal=self.journal_cited,
            year=self.year,
            volume=self.volume,
            issue=self.issue,
            pages=self.pages,
        )

    def schema_part_of(self):
        """The issue, volume and periodical the work appeared in, innermost first, or None."""
        periodical = None
        if self.journal:
            periodical = {"@type": "Periodical", "name": self.journal}
            if self.journal_abbreviation:
                periodical["alternateName"] = self.journal_abbreviation
        part_of = periodical
        if self.volume:
            part_of = {"@type": "PublicationVolume", "volumeNumber": self.volume}
            if periodical:
                part_of["isPartOf"] = periodical
        if self.issue:
            issue = {"@type": "PublicationIssue", "issueNumber": self.issue}
            if part_of:
                issue["isPartOf"] = part_of
            part_of = issue
        return part_of

    def schema_org(self):
        """The work as a schema.org (Medical)ScholarlyArticle, with no empty values."""
        medical = self.study_type not in ("", "other", "in_vitro", "animal")
        data = {
            "@type": "MedicalScholarlyArticle" if medical else "ScholarlyArticle",
            "headline": self.title,
            "name": self.title,
        }
        if self.display_translated_title:
            data["alternativeHeadline"] = self.display_translated_title
        authors = [author.schema_org() for author in self.authors.all()]
        if authors:
            data["author"] = authors
        if self.published_date:
            data["datePublished"] = self.published_date.isoformat()
        elif self.year:
            data["datePublished"] = str(self.year)
        part_of = self.schema_part_of()
        if part_of:
            data["isPartOf"] = part_of
        if self.pages:
            data["pagination"] = self.pages
        if self.doi:
            data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": self.doi}
        if self.link:
            data["url"] = self.link
        if medical and self.study_type_label:
            data["publicationType"] = self.study_type_label
        return data


def initials(given):
    """'J.W.' from 'Jerzy W.', 'J.-P.' from 'Jan-Piotr'; '' for no given name."""
    words = []
    for word in (given or "").replace(".", " ").split():
        parts = [part[0].upper() + "." for part in word.split("-") if part]
        words.append("-".join(parts))
    return "".join(words)


class PublicationAuthor(Orderable):
    """One author of a publication, in the order of the byline."""

    publication = ParentalKey(Publication, on_delete=models.CASCADE, related_name="authors")
    family = models.CharField(
        _("family name"),
        max_length=120,
        help_text=_("Or the whole name of a group author (consortium)."),
    )
    given = models.CharField(_("given names"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("family"), FieldPanel("given")])]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.citation_name

    @property
    def citation_name(self):
        """'Leszek, J.W.' (ACS style), or the group's name."""
        abbreviated = initials(self.given)
        return f"{self.family}, {abbreviated}" if abbreviated else self.family

    def schema_org(self):
        """The author as a schema.org Person (or Organization for a group author)."""
        if not self.given:
            return {"@type": "Organization", "name": self.family}
        return {
            "@type": "Person",
            "name": f"{self.given} {self.family}",
            "givenName": self.given,
            "familyName": self.family,
        }


class CitationConflict(models.Model):
    """A fact two typed-in copies gave differently when old article bodies became records.

    Written by the data migration that turned trial, study and reference blocks into records;
    the kept value is the record's, the other is what a body said.
    """

    record_key = models.CharField(_("registry ID or DOI"), max_length=500)
    field = models.CharField(_("field"), max_length=100)
    kept_value = models.TextField(_("kept value"), blank=True)
    other_value = models.TextField(_("other value"), blank=True)
    language = models.CharField(_("language of the other value"), max_length=10)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=[("live", _("Live content")), ("revision", _("Latest revision"))],
    )
    created_at = models.DateTimeField(_("found"), auto_now_add=True)

    class Meta:
        verbose_name = _("citation conflict")
        verbose_name_plural = _("citation conflicts")
        ordering = ["record_key", "field", "pk"]

    def __str__(self):
        return f"{self.record_key}: {self.field}"

    @property
    def field_label(self):
        """The field's name as editors know it from the record's form."""
        model = ClinicalTrial if is_registry_id(self.record_key) else Publication
        try:
            return model._meta.get_field(self.field).verbose_name
        except FieldDoesNotExist:
            return self.field
