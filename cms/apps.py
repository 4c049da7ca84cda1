"""The site-wide app: home page, contact page and site settings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Site-wide pages and settings."""

    name = "cms"
    verbose_name = _("Site")
