"""Site-wide views that are not Wagtail pages."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET
from django.views.defaults import page_not_found as default_page_not_found

from articles.routing import page_url_in, untranslated_page
from articles.search import search_page
from cms.sitemap import PageSitemap

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def language_redirect(request):
    """Send `/` to the visitor's language (cookie, then Accept-Language), Chinese by default."""
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Cookie, Accept-Language"
    return response


@require_GET
def switch_language(request, language):
    """Remember the reader's language in a cookie, then go to `next` (that page in the language)."""
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"/{language}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )
    return response


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


def sitemap(request):
    """The XML sitemap of the request's site, every language with its alternates."""
    return sitemap_view(request, sitemaps={"pages": PageSitemap(request)})


def search(request):
    """The public search page of the current language."""
    return render(request, "pages/search_results.html", search_page(request))


def page_not_found(request, exception):
    """404; a page that exists only in Chinese gets a link to its Chinese version."""
    page = untranslated_page(request)
    if page is not None:
        context = {"original_url": page_url_in(page, settings.LANGUAGE_CODE, request)}
        return render(request, "404.html", context, status=404)
    return default_page_not_found(request, exception)
