"""The registry's admin: listings, choosers that create, the import view, delete protection."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from registry.admin import (
    ClinicalTrialCreationForm,
    ClinicalTrialFilterSet,
    ConflictPermissionPolicy,
    PublicationCreationForm,
    PublicationFilterSet,
    UsageColumn,
    citing_pages,
    search_form,
    with_usage_count,
)
from registry.choices import list_separator
from registry.models import CitationConflict, ClinicalTrial, Publication
from registry.views import ImportView, import_permitted

TRIAL_SEARCH = ("registry_id", "title_zh_hans", "title_en", "sponsor")
PUBLICATION_SEARCH = ("doi", "title", "translated_title_zh_hans", "translated_title_en", "journal")


def chooser_viewset(search_fields, creation_form):
    """A snippet chooser class that searches `search_fields` and creates with `creation_form`."""
    filter_form = search_form(*search_fields)

    class RegistryChooseView(ChooseView):
        filter_form_class = filter_form

    class RegistryChooseResultsView(ChooseResultsView):
        filter_form_class = filter_form

    class RegistryChooserViewSet(SnippetChooserViewSet):
        choose_view_class = RegistryChooseView
        choose_results_view_class = RegistryChooseResultsView
        creation_form_class = creation_form
        create_action_label = gettext_lazy("Create")
        creation_tab_label = gettext_lazy("Create new")

    return RegistryChooserViewSet


class RegistryViewSet(SnippetViewSet):
    """Shared listing behaviour: database search, the usage column."""

    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return with_usage_count(self.model.objects.all())


class ClinicalTrialViewSet(RegistryViewSet):
    """Clinical trials: searchable by id and title, filtered by status, phase, translation."""

    model = ClinicalTrial
    icon = "clipboard-list"
    menu_label = gettext_lazy("Clinical trials")
    list_display = [
        "registry_id",
        "title_zh_hans",
        "phase_label",
        "status_label",
        UsageColumn("usage_count", label=gettext_lazy("Used in articles")),
        "updated_at",
    ]
    search_fields = list(TRIAL_SEARCH)
    filterset_class = ClinicalTrialFilterSet
    chooser_viewset_class = chooser_viewset(TRIAL_SEARCH, ClinicalTrialCreationForm)


class PublicationViewSet(RegistryViewSet):
    """Publications: searchable by DOI and title, filtered by study type."""

    model = Publication
    icon = "doc-full"
    menu_label = gettext_lazy("Publications")
    list_display = [
        "short_citation",
        "title",
        "doi",
        "study_type_label",
        UsageColumn("usage_count", label=gettext_lazy("Used in articles")),
        "updated_at",
    ]
    search_fields = list(PUBLICATION_SEARCH)
    filterset_class = PublicationFilterSet
    chooser_viewset_class = chooser_viewset(PUBLICATION_SEARCH, PublicationCreationForm)

    def get_queryset(self, request):
        # Each row names its first author: one query for all of them.
        return super().get_queryset(request).prefetch_related("authors")


class CitationConflictViewSet(SnippetViewSet):
    """What old bodies said differently from the records they became: read, then dismiss."""

    model = CitationConflict
    icon = "warning"
    menu_label = gettext_lazy("Citation conflicts")
    list_display = [
        "record_key",
        "field_label",
        "kept_value",
        "other_value",
        "language",
        "page",
        "source",
    ]
    list_filter = ["language", "source"]
    search_fields = ["record_key", "kept_value", "other_value"]
    search_backend_name = None
    inspect_view_enabled = True


register_permission_policy(CitationConflict, ConflictPermissionPolicy(CitationConflict))


class RegistryGroup(SnippetViewSetGroup):
    """The 医学登记 menu: trials, publications and the conversion's conflict report."""

    items = (ClinicalTrialViewSet, PublicationViewSet, CitationConflictViewSet)
    menu_label = gettext_lazy("Registry")
    menu_icon = "clipboard-list"
    menu_order = 250


register_snippet(RegistryGroup)


@hooks.register("before_delete_snippet")
def refuse_deleting_cited_records(request, instances):
    """Refuse to delete trials or publications a live page cites, naming the pages."""
    records = [i for i in instances if isinstance(i, ClinicalTrial | Publication)]
    cited = {}
    for record in records:
        pages = list(citing_pages(record, live_only=True))
        if pages:
            cited[record] = pages
    if not cited:
        return None
    for record, pages in cited.items():
        messages.error(
            request,
            _("“%(record)s” is cited by live articles and cannot be deleted: %(pages)s")
            % {
                "record": record,
                "pages": list_separator().join(f"“{page.title}”" for page in pages),
            },
        )
    viewset = type(records[0]).snippet_viewset
    return redirect(reverse(viewset.get_url_name("list")))


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("registry/import/", ImportView.as_view(), name="registry_import")]


class ImportMenuItem(MenuItem):
    """The import view, shown to those who may add or change registry records."""

    def is_shown(self, request):
        return import_permitted(request.user, "trial") or import_permitted(
            request.user, "publication"
        )


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        gettext_lazy("Import registry records"),
        reverse("registry_import"),
        icon_name="download",
        order=260,
    )
