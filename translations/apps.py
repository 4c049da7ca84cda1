"""The translations app: languages, routing by translated slug, URL history, translation state."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Site-wide language machinery."""

    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        # Listed after wagtail_modeltranslation, so this runs after its ready() has patched models.
        from translations import checks, signals  # noqa: F401, PLC0415 (models load after apps)
        from translations.adoption import adopt_translated_pages  # noqa: PLC0415

        adopt_translated_pages()
        signals.connect()
