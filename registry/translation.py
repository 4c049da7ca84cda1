"""Field-level translations of the registry: text per language, facts once."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from registry.models import ClinicalTrial, Publication


@register(ClinicalTrial)
class ClinicalTrialTR(TranslationOptions):
    """A trial's title, conditions, interventions and reason for stopping in each language."""

    fields = ("title", "conditions", "interventions", "why_stopped")


@register(Publication)
class PublicationTR(TranslationOptions):
    """A publication's optional translated title in each language."""

    fields = ("translated_title",)
