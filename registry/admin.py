"""Admin pieces of the registry: filters, the usage column, choosers' creation forms, usage."""

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.base import ModelPermissionPolicy

from registry.choices import STUDY_TYPES, TRIAL_PHASES, TRIAL_STATUSES
from registry.models import ClinicalTrial, Publication, PublicationAuthor


def with_usage_count(queryset):
    """`queryset` annotated with `usage_count`: how many pages cite each record."""
    references = (
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(queryset.model),
            to_object_id=Cast(OuterRef("pk"), CharField()),
            base_content_type=ContentType.objects.get_for_model(Page),
        )
        .order_by()
        .values("to_object_id")
        .annotate(count=Count("object_id", distinct=True))
        .values("count")
    )
    return queryset.annotate(
        usage_count=Coalesce(Subquery(references, output_field=IntegerField()), Value(0))
    )


def citing_pages(record, *, live_only=False):
    """The pages whose content references `record`, by title."""
    page_ids = (
        ReferenceIndex.get_references_to(record)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.filter(pk__in=[int(pk) for pk in page_ids if pk.isdigit()])
    if live_only:
        pages = pages.live()
    return pages.order_by("title")


class UsageColumn(Column):
    """'Used in N articles', linking to the record's usage view."""

    cell_template_name = "registry/admin/usage_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        viewset = type(instance).snippet_viewset
        context["count"] = getattr(instance, "usage_count", 0)
        context["usage_url"] = reverse(viewset.get_url_name("usage"), args=[instance.pk])
        return context


class ClinicalTrialFilterSet(WagtailFilterSet):
    """Trials by status, phase and whether Chinese text is missing."""

    status = django_filters.ChoiceFilter(label=_("overall status"), choices=TRIAL_STATUSES)
    phase = django_filters.ChoiceFilter(
        label=_("phase"), choices=TRIAL_PHASES, method="filter_phase"
    )
    needs_translation = django_filters.BooleanFilter(
        label=_("Chinese text missing"),
        method="filter_needs_translation",
    )

    class Meta:
        model = ClinicalTrial
        fields = []

    def filter_phase(self, queryset, name, value):
        phases = ClinicalTrial._meta.get_field("phases")
        return queryset.filter(phases.containing(value)) if value else queryset

    def filter_needs_translation(self, queryset, name, value):
        if value is None:
            return queryset
        needing = ClinicalTrial.objects.needing_translation().values("pk")
        return queryset.filter(pk__in=needing) if value else queryset.exclude(pk__in=needing)


class PublicationFilterSet(WagtailFilterSet):
    """Publications by study type and whether they have a DOI."""

    study_type = django_filters.ChoiceFilter(label=_("study type"), choices=STUDY_TYPES)
    without_doi = django_filters.BooleanFilter(label=_("without DOI"), method="filter_without_doi")

    class Meta:
        model = Publication
        fields = []

    def filter_without_doi(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(doi="") if value else queryset.exclude(doi="")


TRIAL_CREATION_FIELDS = [
    "registry_id",
    "title_zh_hans",
    "title_en",
    "phases",
    "allocation",
    "masking",
    "placebo_controlled",
    "enrollment",
    "enrollment_type",
    "status",
    "why_stopped_zh_hans",
    "why_stopped_en",
    "conditions_zh_hans",
    "conditions_en",
    "interventions_zh_hans",
    "interventions_en",
    "start_date",
    "start_date_precision",
    "completion_date",
    "completion_date_precision",
    "sponsor",
]


class ClinicalTrialCreationForm(WagtailAdminModelForm):
    """A new trial created from the article editor's chooser; every field the rules check."""

    class Meta:
        model = ClinicalTrial
        fields = TRIAL_CREATION_FIELDS


class PublicationCreationForm(WagtailAdminModelForm):
    """A new publication created from the article editor's chooser, authors one per line."""

    authors_text = forms.CharField(
        label=_("Authors"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One author per line, in publication order, as 'Family, Given'."),
    )

    class Meta:
        model = Publication
        fields = [
            "doi",
            "url",
            "title",
            "translated_title_zh_hans",
            "translated_title_en",
            "journal",
            "journal_abbreviation",
            "year",
            "volume",
            "issue",
            "pages",
            "published_date",
            "study_type",
        ]

    def clean_authors_text(self):
        authors = []
        for line in self.cleaned_data["authors_text"].splitlines():
            family, _comma, given = line.partition(",")
            if family.strip():
                authors.append((family.strip()[:120], given.strip()[:120]))
        if not authors:
            raise forms.ValidationError(_("Add at least one author."))
        return authors

    def save(self, commit=True):
        publication = super().save(commit=False)
        publication.authors = [
            PublicationAuthor(family=family, given=given)
            for family, given in self.cleaned_data["authors_text"]
        ]
        if commit:
            publication.save()
        return publication


def search_form(*fields):
    """A chooser filter form searching `fields` in the database (the records are not indexed)."""

    class SearchForm(BaseFilterForm):
        q = forms.CharField(
            label=_("Search term"),
            widget=forms.TextInput(attrs={"placeholder": _("Search")}),
            required=False,
        )

        def filter(self, objects):
            objects = super().filter(objects)
            query = (self.cleaned_data.get("q") or "").strip()
            if query:
                condition = Q()
                for name in fields:
                    condition |= Q(**{f"{name}__icontains": query})
                objects = objects.filter(condition)
                self.is_searching, self.search_query = True, query
            return objects

    return SearchForm


class ConflictPermissionPolicy(ModelPermissionPolicy):
    """The conflict report is read and dismissed by registry editors; nobody writes entries."""

    read_actions = ("view", "delete")

    def user_has_permission(self, user, action):
        if action not in self.read_actions:
            return False
        return user.has_perm("registry.change_clinicaltrial") or user.has_perm(
            "registry.change_publication"
        )
