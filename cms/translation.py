"""Field-level translations of the site-wide models."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from cms.models import ContactPage, FormField, HomePage


@register(HomePage)
class HomePageTR(TranslationOptions):
    """Translated fields of the home page."""

    fields = ("intro",)


@register(ContactPage)
class ContactPageTR(TranslationOptions):
    """Translated texts of the contact page."""

    fields = ("intro", "thank_you_text")


@register(FormField)
class FormFieldTR(TranslationOptions):
    """Translated label, help text and choices of a contact form field."""

    fields = ("label", "help_text", "choices")
