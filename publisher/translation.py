"""Field-level translations of the site settings."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from publisher.models import SiteSettings


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    """Translated texts of the site settings."""

    fields = ("site_name", "tagline", "address", "opening_hours", "default_disclaimer")
    required_languages = {"zh-hans": ("default_disclaimer",), "en": ("default_disclaimer",)}
