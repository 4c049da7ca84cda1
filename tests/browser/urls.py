"""The site's URLs and its uploads, which Django's live test server does not serve."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cms.urls import handler404
from cms.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "urlpatterns"]


def media(request, path):
    """An uploaded file from MEDIA_ROOT as it is now (tests point it at a temporary folder)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", media)]
urlpatterns += site_urlpatterns
