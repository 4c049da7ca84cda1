"""The sitemap: an index at /sitemap.xml naming sections of at most `limit` URLs each.

Every live page is listed in each language it is published in, with hreflang alternates. A
page with addresses of its own below it (a news index's topic pages) lists them through
`sitemap_entries(lastmod=True)`: objects with `get_url(request)`, `is_available_in(language)` and
`last_published_at`.
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Exists, IntegerField, OuterRef, Value
from wagtail.models import Page, Site, get_page_models

from common import render_cache
from common.pagination import list_key
from translations.languages import DEFAULT_LANGUAGE, LANGUAGES, hreflang, suffix
from translations.models import readable_in, readable_q

X_DEFAULT = "x-default"
# URLs per sitemap document, far below the protocol's 50,000: each costs about 0.3 ms (its own
# and its alternates' page URLs), so an uncached section page renders in about a third of a
# second, well inside a crawler's patience and the workers' timeout.
SITEMAP_LIMIT = 1000


class LanguagesSitemap(Sitemap):
    """A sitemap section whose items exist in some languages, each listed with its alternates."""

    i18n = True
    alternates = True
    limit = SITEMAP_LIMIT

    def __init__(self, request=None):
        self.request = request
        super().__init__()

    @cached_property
    def paginator(self):
        # Django's property would count the items again on every use.
        return Paginator(self._items(), self.limit)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            alternates = url["alternates"]
            for alternate in alternates:
                alternate["lang_code"] = hreflang(alternate["lang_code"])
            default = hreflang(DEFAULT_LANGUAGE)
            defaults = [a["location"] for a in alternates if a["lang_code"] == default]
            if len(alternates) > 1 and defaults:
                alternates.append({"lang_code": X_DEFAULT, "location": defaults[0]})
        return urls


class QuerySetSitemap(LanguagesSitemap):
    """A section of database rows, paged in SQL by (row, language) whatever their number."""

    # Subclasses give the columns of a stable order, `queryset()` (every row listed) and
    # `in_language(language)` (the rows shown in it, a filter of the former).
    ordering = ("pk",)

    def queryset(self):
        raise NotImplementedError

    def in_language(self, language):
        return self.rows

    @cached_property
    def rows(self):
        # Built once: some filters (Wagtail's public()) run a query of their own to build.
        return self.queryset()

    def _items(self):
        return LanguagePairs(self)

    def count_urls(self):
        """The number of (row, language) pairs."""
        return LanguagePairs(self).pairs.count()

    def kept_count(self):
        """count_urls(), kept in the render cache until the next publish retires it."""
        section = type(self).__name__
        return render_cache.get_or_build(
            self.count_urls, "sitemap-count", section, list_key(self.rows)
        )

    def get_languages_for_item(self, item):
        return item.sitemap_languages

    def get_latest_lastmod(self):
        # The index stays one count per section; each section's own page carries <lastmod>.
        return None

    def fetch(self, pks):
        """{pk: row} of `pks`, each knowing its languages (sitemap_languages), in one query."""
        shown = {
            f"shown_{suffix(code)}": Exists(self.in_language(code).filter(pk=OuterRef("pk")))
            for code in LANGUAGES
        }
        rows = self.rows.model._default_manager.filter(pk__in=pks).annotate(**shown)
        found = {}
        for row in rows:
            row.sitemap_languages = [c for c in LANGUAGES if getattr(row, f"shown_{suffix(c)}")]
            found[row.pk] = row
        return found


class LanguagePairs:
    """The (row, language) pairs of a QuerySetSitemap in order, counted and sliced in SQL."""

    def __init__(self, sitemap):
        self.sitemap = sitemap

    @cached_property
    def pairs(self):
        """One row per URL: the union of each language's rows, with the language's position."""
        columns = [*self.sitemap.ordering, "pk", "sitemap_language"]
        parts = [
            self.sitemap.in_language(code)
            .order_by()
            .annotate(sitemap_language=Value(position, output_field=IntegerField()))
            .values_list(*columns)
            for position, code in enumerate(LANGUAGES)
        ]
        return parts[0].union(*parts[1:], all=True)

    def count(self):
        return self.sitemap.kept_count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        ordered = self.pairs.order_by(*self.sitemap.ordering, "pk", "sitemap_language")
        width = len(self.sitemap.ordering)
        chosen = [(row[width], row[width + 1]) for row in ordered[index]]
        rows = self.sitemap.fetch({pk for pk, _language in chosen})
        return [(rows[pk], LANGUAGES[language]) for pk, language in chosen if pk in rows]


class PageSitemap(QuerySetSitemap):
    """Live, public pages of the request's site; alternates name every language of a page."""

    ordering = ("path",)

    def queryset(self):
        # Plain Page rows carry every language's URL path; no page needs its own type here.
        pages = Page.objects.live().public()
        site = Site.find_for_request(self.request) if self.request else None
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages

    def in_language(self, language):
        return readable_in(self.rows, language)

    def count_urls(self):
        # One pass over the pages, not one per language.
        counts = {suffix(code): Count("pk", filter=readable_q(code) or None) for code in LANGUAGES}
        return sum(self.rows.aggregate(**counts).values())

    def location(self, item):
        return item.get_url(request=self.request)

    def lastmod(self, item):
        return item.last_published_at


class EntriesSitemap(LanguagesSitemap):
    """The addresses pages list below their own (`sitemap_entries()`), e.g. topic pages."""

    # Without `lastmod` (the index only counts the entries) they are found without one.
    def __init__(self, request=None, lastmod=True):
        self.with_lastmod = lastmod
        super().__init__(request)

    def items(self):
        models = [model for model in get_page_models() if hasattr(model, "sitemap_entries")]
        if not models:
            return []
        pages = Page.objects.live().public().type(*models).specific().order_by("path")
        site = Site.find_for_request(self.request) if self.request else None
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        lastmod = self.with_lastmod
        return [entry for page in pages for entry in page.sitemap_entries(lastmod=lastmod)]

    def _items(self):
        return KeptEntries(self, super()._items)

    def get_languages_for_item(self, item):
        return [code for code in LANGUAGES if item.is_available_in(code)]

    def location(self, item):
        return item.get_url(request=self.request)

    def lastmod(self, item):
        return item.last_published_at

    def get_latest_lastmod(self):
        return None


class KeptEntries:
    """The (entry, language) pairs of an EntriesSitemap, counted once per content version."""

    def __init__(self, sitemap, build):
        self.sitemap = sitemap
        self.build = build

    @cached_property
    def pairs(self):
        """Django's list of the pairs."""
        return self.build()

    def count(self):
        host = self.sitemap.request.get_host() if self.sitemap.request else ""
        section = type(self.sitemap).__name__
        return render_cache.get_or_build(lambda: len(self.pairs), "sitemap-count", section, host)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        return self.pairs[index]
