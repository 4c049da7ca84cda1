"""Field-level translations of the site-wide models."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from cms.models import HomePage, SiteSettings


@register(HomePage)
class HomePageTR(TranslationOptions):
    """Translated fields of the home page."""

    fields = ("intro",)


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    """Translated texts of the site settings."""

    fields = ("site_name", "tagline", "address", "opening_hours", "default_disclaimer")
    required_languages = {"zh-hans": ("default_disclaimer",), "en": ("default_disclaimer",)}
