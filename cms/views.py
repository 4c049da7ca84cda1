"""Site-wide views that are not Wagtail pages."""

from django.http import HttpResponseRedirect
from django.utils import translation


def language_redirect(request):
    """Send `/` to the visitor's language (cookie, then Accept-Language), Chinese by default."""
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Cookie, Accept-Language"
    return response
