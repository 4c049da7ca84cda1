"""The public read-only API (Wagtail API v2 at /api/v2/): live public pages, trials, publications.

Every endpoint answers in the language of `?lang=` (zh-hans by default, en): translated fields
are read with that language active, and pages not translated into it are left out. Only what a
reader of the site may see is served: live, unrestricted pages as published (never a draft), and
no account, owner or enquiry data; nothing can be written.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext
from rest_framework.fields import SkipField
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    BaseSerializer,
    DetailUrlField,
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page, Site

from articles.models import ArticlePage
from registry.choices import normalise_doi
from registry.fields import ChoiceListField
from registry.models import ClinicalTrial, Publication
from translations.languages import DEFAULT_LANGUAGE, LANGUAGES, suffix
from translations.links import alternates
from translations.models import readable_in

LANGUAGE_PARAMETER = "lang"


def requested_language(request):
    """The language `?lang=` asks for (the default when absent), or a 400 naming the choices."""
    language = request.GET.get(LANGUAGE_PARAMETER, DEFAULT_LANGUAGE)
    if language not in LANGUAGES:
        raise BadRequestError(
            gettext("lang must be one of %(choices)s (got “%(value)s”).")
            % {"choices": ", ".join(LANGUAGES), "value": language[:20]}
        )
    return language


def split_language(path):
    """(the language of a site path's prefix or None, the path's other components)."""
    components = [part for part in path.split("/") if part]
    if components and components[0] in LANGUAGES:
        return components[0], components[1:]
    return None, components


def with_language(url, language):
    """`url` with `?lang=` set when `language` is not the default."""
    if language == DEFAULT_LANGUAGE:
        return url
    path, _sep, query = url.partition("?")
    params = QueryDict(query, mutable=True)
    params[LANGUAGE_PARAMETER] = language
    return f"{path}?{params.urlencode()}"


def detail_url(request, router, model, pk):
    """An object's API address on the request's host, or None when it has no endpoint."""
    # The request's host, as in the pages' canonical links (ALLOWED_HOSTS vouches for it), not
    # the Site record's hostname, which Wagtail's get_full_url() would use.
    path = router.get_object_detail_urlpath(model, pk)
    return request.build_absolute_uri(path) if path else None


class LanguageDetailUrlField(DetailUrlField):
    """The object's API address on the request's host, in the language it was asked for."""

    def get_attribute(self, instance):
        request, router = self.context["request"], self.context["router"]
        url = detail_url(request, router, type(instance), instance.pk)
        if url is None:
            raise SkipField
        return with_language(url, translation.get_language())


class CanonicalUrlField(PageHtmlUrlField):
    """The page's address on the site: its rel=canonical link in the requested language."""

    def to_representation(self, page):
        return alternates(self.context["request"], page)["canonical"]


class RecordSerializer(BaseSerializer):
    """A registry record; its detail_url keeps the language."""

    detail_url = LanguageDetailUrlField(read_only=True)


class RelatedPageMixin:
    """A related page as its id, type, title and addresses, in the language of the page's."""

    def to_representation(self, value):
        serializer_class = get_serializer_class(
            type(value),
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=PublicPageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class ParentField(RelatedPageMixin, PageParentField):
    """The parent page, when readers may see it."""


class AliasOfField(RelatedPageMixin, PageAliasOfField):
    """The page this one is an alias of when the API serves it too, else null."""

    def get_attribute(self, instance):
        if instance.alias_of_id is None:
            return None
        # Naming a private or withdrawn original would leak its id and title.
        # Once per response, whatever the number of aliases listed.
        if "visible_originals" not in self.context:
            originals = Page.objects.filter(alias_of__isnull=False).values("alias_of")
            visible = self.context["base_queryset"].filter(pk__in=originals)
            self.context["visible_originals"] = {page.pk: page for page in visible}
        return self.context["visible_originals"].get(instance.alias_of_id)


class PublicPageSerializer(PageSerializer):
    """A page; its addresses (and its parent's) are on the request's host, in the language."""

    detail_url = LanguageDetailUrlField(read_only=True)
    html_url = CanonicalUrlField(read_only=True)
    parent = ParentField(read_only=True)
    alias_of = AliasOfField(read_only=True)


class Pagination(WagtailPagination):
    """Wagtail's limit and offset; an offset past the end gives no items, not a database error."""

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        # The offset is valid by now; a huge one would overflow the database's integer.
        if int(request.GET.get("offset", 0)) >= self.total_count:
            return []
        return page


def refused_value(name, value, choices=None):
    """The 400 for a filter value its field cannot hold, naming the choices when there are some."""
    if choices:
        return BadRequestError(
            gettext("“%(value)s” is not a valid %(field)s: use one of %(choices)s.")
            % {"value": value[:100], "field": name, "choices": ", ".join(choices)}
        )
    return BadRequestError(
        gettext("“%(value)s” is not a valid value for %(field)s.")
        % {"value": value[:100], "field": name}
    )


def value_for(field, name, value):
    """The query-string `value` as `field` stores it, or a 400 saying why it cannot be."""
    if "\x00" in value:
        raise refused_value(name, value.replace("\x00", ""))
    choices = [str(key) for key, _label in field.flatchoices] if field.choices else None
    if choices:
        if value not in choices:
            raise refused_value(name, value, choices)
        return value
    try:
        if isinstance(field, models.BooleanField):
            return parse_boolean(value)
        if isinstance(field, models.ForeignKey):
            return field.target_field.to_python(value)
        return field.to_python(value)
    except (ValidationError, ValueError, TypeError) as error:
        raise refused_value(name, value) from error


def tag_named(relation, name):
    """Items carrying a tag named `name` in any language (the Chinese names work in English too)."""
    named = Q()
    for language in LANGUAGES:
        named |= Q(**{f"{relation}__name_{suffix(language)}": name})
    return named


class FieldsFilter:
    """?field=value for the endpoint's filterable fields, each value checked against its field.

    Tags match by name (several, comma-separated: all of them), a list of choices by one of
    them, registry ids in any case and DOIs as Crossref normalises them.
    """

    normalisers = {"doi": normalise_doi}
    case_insensitive = {"registry_id"}

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        for name in sorted(view.filter_fields(model)):
            if name not in request.GET:
                continue
            field = model._meta.get_field(name)
            value = self.normalisers.get(name, str)(request.GET[name])
            if isinstance(field, TaggableManager):
                for tag in value.split(","):
                    queryset = queryset.filter(tag_named(name, tag))
                # Wagtail's search filter refuses to search a tag-filtered queryset.
                queryset._filtered_by_tag = True
            elif isinstance(field, ChoiceListField):
                queryset = queryset.filter(field.containing(value_for(field, name, value)))
            else:
                lookup = f"{name}__iexact" if name in self.case_insensitive else name
                queryset = queryset.filter(**{lookup: value_for(field, name, value)})
        return queryset


class OrderFilter:
    """?order=a,-b by the endpoint's sortable fields, or random; anything else is a 400."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if not order:
            return queryset
        names = order.split(",")
        if "random" in names:
            if len(names) > 1 or "offset" in request.GET:
                raise BadRequestError(
                    gettext("order=random cannot be combined with other fields or an offset.")
                )
            return queryset.order_by("?")
        sortable = view.order_fields(queryset.model)
        for name in names:
            if name.removeprefix("-") not in sortable:
                raise BadRequestError(
                    gettext("Cannot order by “%(field)s”: use one of %(choices)s.")
                    % {"field": name[:100], "choices": ", ".join(sorted(sortable))}
                )
        return queryset.order_by(*names)


class CheckedSearchFilter(SearchFilter):
    """Wagtail's ?search=, with a 400 for an operator other than and/or."""

    operators = ("and", "or")

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in self.operators:
            raise BadRequestError(
                gettext("search_operator must be one of %(choices)s.")
                % {"choices": ", ".join(self.operators)}
            )
        return super().filter_queryset(request, queryset, view)


class PublicEndpoint:
    """What every endpoint shares: JSON only, anonymous, GET only, in the requested language."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    pagination_class = Pagination
    # {model: field names} filterable with ?name=value; each model has its bases' too.
    filterable = {}
    # {model: field names} sortable with ?order=.
    sortable = {}
    # {model: relations} its API fields read, joined or prefetched for all the items at once.
    joined = {}
    prefetched = {}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        requested_language(request)

    def dispatch(self, request, *args, **kwargs):
        language = request.GET.get(LANGUAGE_PARAMETER, DEFAULT_LANGUAGE)
        if language not in LANGUAGES:
            # initial() answers with the 400, in the language the reader's browser asks for.
            return super().dispatch(request, *args, **kwargs)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().dispatch(request, *args, **kwargs)
            # Lazy texts in the data read in the requested language, not the browser's.
            if hasattr(response, "render"):
                response.render()
        response["Content-Language"] = language
        return response

    @classmethod
    def fields_of(cls, mapping, model):
        """The names `mapping` gives `model` and its base classes."""
        return {name for base in model.__mro__ for name in mapping.get(base, ())}

    def filter_fields(self, model):
        """The fields ?name=value may filter `model` by."""
        return self.fields_of(self.filterable, model)

    def order_fields(self, model):
        """The fields ?order= may sort `model` by."""
        return self.fields_of(self.sortable, model)

    def with_related(self, queryset):
        """`queryset` fetching what its model's API fields read, whatever the number of items."""
        joined = self.fields_of(self.joined, queryset.model)
        prefetched = self.fields_of(self.prefetched, queryset.model)
        # Only when named: select_related() without names would join every relation.
        if joined:
            queryset = queryset.select_related(*sorted(joined))
        if prefetched:
            queryset = queryset.prefetch_related(*sorted(prefetched))
        return queryset

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            # What the query string may name: only the filterable fields, never a body or a list.
            allowed = cls.fields_of(cls.filterable, model)
            return [name for name in fields if name in allowed]
        return fields

    def find_object(self, queryset, request):
        if "id" in request.GET:
            try:
                return queryset.get(id=int(request.GET["id"]))
            except ValueError as error:
                raise BadRequestError("id must be a positive integer") from error
        return None

    def find_view(self, request):
        """A redirect to the object found, keeping the query string but what found it."""
        try:
            found = self.find_object(self.get_queryset(), request)
        except self.model.DoesNotExist:
            found = None
        if found is None:
            raise Http404("not found")
        url = detail_url(request, request.wagtailapi_router, self.model, found.pk)
        query = request.GET.copy()
        for name in self.find_query_parameters:
            query.pop(name, None)
        return redirect(f"{url}?{query.urlencode()}" if query else url)


class PagesEndpoint(PublicEndpoint, PagesAPIViewSet):
    """Live, public pages of the site; articles only in the languages they are translated into."""

    base_serializer_class = PublicPageSerializer
    filter_backends = [
        FieldsFilter,
        *[
            backend
            for backend in PagesAPIViewSet.filter_backends
            if backend.__name__ in {"ChildOfFilter", "AncestorOfFilter", "DescendantOfFilter"}
        ],
        OrderFilter,
        # Last: a search result cannot be filtered further.
        CheckedSearchFilter,
    ]
    # Wagtail's locale tree is not used: languages are fields of one page (?lang=).
    known_query_parameters = (
        PagesAPIViewSet.known_query_parameters - {"locale", "translation_of"}
    ) | {LANGUAGE_PARAMETER}
    meta_fields = [
        *[name for name in PagesAPIViewSet.meta_fields if name != "locale"],
        "last_published_at",
    ]
    filterable = {
        Page: ("id", "title", "slug", "show_in_menus", "first_published_at"),
        ArticlePage: ("date", "category", "tags", "source", "last_reviewed"),
    }
    sortable = {
        Page: ("id", "title", "slug", "first_published_at", "last_published_at"),
        ArticlePage: ("date", "last_reviewed"),
    }
    joined = {ArticlePage: ("category", "disclaimer", "reviewed_by", "lead_image")}
    prefetched = {ArticlePage: ("tags", "lead_image__renditions")}

    @classmethod
    def get_detail_default_fields(cls, model):
        # Every field (Wagtail's own would drop "locale", which this API does not have).
        return cls.get_available_fields(model)

    def get_base_queryset(self):
        """Live pages of this site without a view restriction, readable in the language."""
        # Once per request: public() reads every view restriction.
        if not hasattr(self, "_base_queryset"):
            queryset = super().get_base_queryset().public()
            self._base_queryset = readable_in(queryset, translation.get_language())
        return self._base_queryset

    def get_queryset(self):
        return self.with_related(super().get_queryset())

    def find_object(self, queryset, request):
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        site = Site.find_for_request(request)
        _language, components = split_language(request.GET["html_path"])
        if site is None or "\x00" in request.GET["html_path"]:
            return None
        try:
            page, _args, _kwargs = site.root_page.specific.route(request, components)
        except Http404:
            return None
        return queryset.filter(pk=page.pk).first()

    def find_view(self, request):
        """The page at ?html_path= (as the site's URL, e.g. /en/news/x/) or with ?id=."""
        language, _components = split_language(request.GET.get("html_path", ""))
        if language and language != translation.get_language():
            # A path in another language is looked up, and answered, in that language.
            query = request.GET.copy()
            query[LANGUAGE_PARAMETER] = language
            return redirect(f"{request.path}?{query.urlencode()}")
        return super().find_view(request)


class RecordEndpoint(PublicEndpoint, BaseAPIViewSet):
    """A registry's records, each in the requested language; findable by id, DOI or registry id."""

    base_serializer_class = RecordSerializer
    filter_backends = [FieldsFilter, OrderFilter]
    # Records are not in the search index.
    known_query_parameters = (
        BaseAPIViewSet.known_query_parameters - {"search", "search_operator"}
    ) | {LANGUAGE_PARAMETER}
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "title"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "title"]
    ordering = ("id",)

    def get_queryset(self):
        return self.with_related(self.model.objects.order_by(*self.ordering))

    def find_object(self, queryset, request):
        for name in self.find_query_parameters - {"id"}:
            if name in request.GET:
                value = self.find_normalisers.get(name, str)(request.GET[name])
                return queryset.filter(**{f"{name}__iexact": value}).first()
        return super().find_object(queryset, request)


class TrialsEndpoint(RecordEndpoint):
    """Clinical trials: registry facts, and their text in the requested language."""

    model = ClinicalTrial
    name = "trials"
    ordering = ("registry_id",)
    listing_default_fields = [
        *RecordEndpoint.listing_default_fields,
        "registry_id",
        "status",
        "phases",
    ]
    find_query_parameters = BaseAPIViewSet.find_query_parameters | {"registry_id"}
    find_normalisers = {}
    filterable = {
        ClinicalTrial: (
            "id",
            "registry_id",
            "status",
            "phases",
            "allocation",
            "masking",
            "placebo_controlled",
            "enrollment_type",
            "sponsor",
        )
    }
    sortable = {
        ClinicalTrial: (
            "id",
            "registry_id",
            "status",
            "enrollment",
            "start_date",
            "completion_date",
            "last_checked",
            "updated_at",
        )
    }


class PublicationsEndpoint(RecordEndpoint):
    """Publications: the work as published, its authors in order, its title in the language."""

    model = Publication
    name = "publications"
    ordering = ("-year", "title", "id")
    listing_default_fields = [*RecordEndpoint.listing_default_fields, "doi", "year"]
    find_query_parameters = BaseAPIViewSet.find_query_parameters | {"doi"}
    find_normalisers = {"doi": normalise_doi}
    filterable = {Publication: ("id", "doi", "year", "journal", "study_type")}
    sortable = {Publication: ("id", "doi", "year", "journal", "published_date", "updated_at")}
    prefetched = {Publication: ("authors",)}


def not_found(request, path=""):
    """The API's answer for an address it does not have: a JSON 404, never a language redirect."""
    message = gettext("There is no API endpoint at this address.")
    return JsonResponse({"message": message}, status=404)


api_router = WagtailAPIRouter("api")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("trials", TrialsEndpoint)
api_router.register_endpoint("publications", PublicationsEndpoint)
