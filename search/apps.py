"""The search app: a backend wrapper that segments Chinese, and the public search page."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search."""

    name = "search"
    label = "site_search"
    verbose_name = _("Search")
