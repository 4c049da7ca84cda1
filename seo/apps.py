"""The SEO app: structured data helpers, social cards, sitemap and robots.txt."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """Search engines and social cards."""

    name = "seo"
    verbose_name = _("SEO")
