"""Language views: `/` to the reader's language, the switcher's cookie, the untranslated 404."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET
from django.views.defaults import page_not_found as default_page_not_found

from translations.languages import DEFAULT_LANGUAGE, LANGUAGES
from translations.links import page_url_in


def language_redirect(request):
    """Send `/` to the visitor's language (cookie, then Accept-Language), Chinese by default."""
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Cookie, Accept-Language"
    return response


@require_GET
def switch_language(request, language):
    """Remember the reader's language in a cookie, then go to `next` (that page in the language)."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
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


def mark_untranslated(request, urls):
    """Let the 404 for `request` link to the Chinese original, given {language: path}."""
    request.untranslated_original_url = urls.get(DEFAULT_LANGUAGE)


def untranslated_page(request):
    """The page a 404 was raised for because it is not translated into the request's language."""
    return getattr(request, "untranslated_page", None)


def page_not_found(request, exception):
    """404; a page that exists only in Chinese gets a link to its Chinese version."""
    page = untranslated_page(request)
    original_url = getattr(request, "untranslated_original_url", None)
    if page is not None:
        original_url = page_url_in(page, DEFAULT_LANGUAGE, request)
    if original_url:
        return render(request, "404.html", {"original_url": original_url}, status=404)
    return default_page_not_found(request, exception)
