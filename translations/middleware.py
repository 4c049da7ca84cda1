"""Request middleware of the site."""

from django.conf import settings
from django.middleware import locale
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's language selection, except that a view outside the language prefixes keeps its 404.

    Django answers an unprefixed 404 with a redirect to the same path under the language prefix,
    which the catch-all page route always accepts: a missing API object (/api/v2/pages/9/) would
    become a 302 to /zh-hans/api/v2/pages/9/. Only paths no view answers are redirected.
    """

    def process_response(self, request, response):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        if (
            response.status_code == 404
            and not translation.get_language_from_path(request.path_info)
            and is_valid_path(request.path_info, urlconf)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class AdminChineseByDefaultMiddleware:
    """Serve the admin in the default language (Chinese) whatever the browser asks for.

    Editors who prefer English choose it in their account; Wagtail then applies that preference.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = ("/admin/", "/django-admin/")

    def __call__(self, request):
        if request.path.startswith(self.prefixes):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
