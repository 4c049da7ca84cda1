"""Breadcrumbs: the trail from the site's home page to the page being read."""

from dataclasses import dataclass

from wagtail.models import Page, Site


@dataclass(frozen=True)
class Crumb:
    """One step of the trail: its name in the active language and its path."""

    name: str
    url: str


def page_crumbs(request, page):
    """A crumb for each page from the request's site root down to `page`, in one query."""
    site = Site.find_for_request(request)
    if site is None or not page.path.startswith(site.root_page.path):
        return []
    pages = Page.objects.ancestor_of(page, inclusive=True).filter(depth__gte=site.root_page.depth)
    return [
        Crumb(ancestor.title, ancestor.get_url(request=request))
        for ancestor in pages.order_by("depth")
    ]
