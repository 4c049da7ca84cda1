"""The news app: article and index pages, their blocks and translations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    """News articles."""

    name = "articles"
    verbose_name = _("News")

    def ready(self):
        from articles import checks, signals  # noqa: F401, PLC0415 (models load after apps)

        signals.connect()
