"""robots.txt and the XML sitemap: an index and its sections."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from seo.sitemap import EntriesSitemap, PageSitemap

SECTION_URL_NAME = "sitemap_section"


@require_GET
def robots_txt(request):
    """Let crawlers in everywhere but the admin, and point them at the sitemap index."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_sections(request, extra=None, lastmod=True):
    """{name: section}: the site's pages, their topic pages and `extra` (e.g. the trials)."""
    found = {"pages": PageSitemap(request), "topics": EntriesSitemap(request, lastmod=lastmod)}
    return found | {name: section(request) for name, section in (extra or {}).items()}


def section_names(extra=None):
    """The names of the sections (each one's pages share its path, /sitemap-<name>.xml)."""
    return ["pages", "topics", *(extra or {})]


def sitemap_index(request, sections=None):
    """/sitemap.xml: the sitemap index, every page of every section with entries."""
    sitemaps = sitemap_sections(request, sections, lastmod=False)
    # An empty <urlset> is not a valid sitemap: a section without entries is left out.
    sitemaps = {name: section for name, section in sitemaps.items() if section.paginator.count}
    return sitemap_views.index(request, sitemaps=sitemaps, sitemap_url_name=SECTION_URL_NAME)


def sitemap_section(request, section, sections=None):
    """One page (?p=) of one section; an unknown section or page is a 404."""
    sitemaps = sitemap_sections(request, sections)
    return sitemap_views.sitemap(request, sitemaps=sitemaps, section=section)


@require_GET
def favicon(request):
    """/favicon.ico, asked for by browsers and feed readers that ignore <link rel=icon>."""
    return HttpResponsePermanentRedirect(static("icons/favicon.svg"))
