"""robots.txt and the XML sitemap."""

from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from seo.sitemap import PageSitemap


@require_GET
def robots_txt(request):
    """Let crawlers in everywhere but the admin, and point them at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap(request, sections=None):
    """The XML sitemap of the request's site, every language with its alternates.

    `sections` ({name: LanguagesSitemap class}) adds what is not a page, e.g. the trials.
    """
    sitemaps = {"pages": PageSitemap(request)}
    sitemaps |= {name: section(request) for name, section in (sections or {}).items()}
    return sitemap_view(request, sitemaps=sitemaps)


@require_GET
def favicon(request):
    """/favicon.ico, asked for by browsers and feed readers that ignore <link rel=icon>."""
    return HttpResponsePermanentRedirect(static("icons/favicon.svg"))
