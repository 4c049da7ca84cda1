"""/sitemap.xml: every live page in each language it is published in, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from translations.languages import DEFAULT_LANGUAGE, LANGUAGES, hreflang
from translations.models import is_available_in

X_DEFAULT = "x-default"


class PageSitemap(Sitemap):
    """Live, public pages of the request's site; alternates name every language of a page."""

    i18n = True
    alternates = True

    def __init__(self, request=None):
        self.request = request
        super().__init__()

    def items(self):
        site = Site.find_for_request(self.request) if self.request else None
        # Bodies are the bulk of each row and no URL needs them.
        pages = Page.objects.live().public().defer_streamfields().specific()
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return list(pages.order_by("path"))

    def get_languages_for_item(self, item):
        return [code for code in LANGUAGES if is_available_in(item, code)]

    def location(self, item):
        return item.get_url(request=self.request)

    def lastmod(self, item):
        return item.last_published_at

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
