"""/sitemap.xml: every live page in each language it is published in, with hreflang alternates.

A page with addresses of its own below it (a news index's topic pages) lists them through
`sitemap_entries()`: objects with `get_url(request)`, `is_available_in(language)` and
`last_published_at`.
"""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from translations.languages import DEFAULT_LANGUAGE, LANGUAGES, hreflang

X_DEFAULT = "x-default"


class LanguagesSitemap(Sitemap):
    """A sitemap section whose items exist in some languages, each listed with its alternates."""

    i18n = True
    alternates = True

    def __init__(self, request=None):
        self.request = request
        super().__init__()

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


class PageSitemap(LanguagesSitemap):
    """Live, public pages of the request's site; alternates name every language of a page."""

    def items(self):
        site = Site.find_for_request(self.request) if self.request else None
        # Bodies are the bulk of each row and no URL needs them.
        pages = Page.objects.live().public().defer_streamfields().specific()
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        items = []
        for page in pages.order_by("path"):
            items.append(page)
            items += getattr(page, "sitemap_entries", list)()
        return items

    def get_languages_for_item(self, item):
        # Translated pages and topic pages say; any other page exists in every language.
        available = getattr(item, "is_available_in", None)
        return [code for code in LANGUAGES if available is None or available(code)]

    def location(self, item):
        return item.get_url(request=self.request)

    def lastmod(self, item):
        return item.last_published_at
