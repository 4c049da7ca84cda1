"""Request middleware of the site."""

from django.conf import settings
from django.utils import translation


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
