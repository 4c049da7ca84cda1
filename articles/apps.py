"""The news app: article and index pages, their blocks and translations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    """News articles."""

    name = "articles"
    verbose_name = _("News")

    def ready(self):
        # Runs after wagtail_modeltranslation's ready(), whose page patches we replace.
        from articles import routing, translation_state  # noqa: PLC0415 (models load after apps)

        routing.install()
        translation_state.connect()
