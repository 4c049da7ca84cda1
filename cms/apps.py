"""The site-wide app: home page, contact page and site settings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Site-wide pages and settings."""

    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        # Django's way to connect receivers: models can be imported only once apps are ready.
        from cms import cache_invalidation, enquiries  # noqa: F401, PLC0415

        cache_invalidation.connect()
