"""Admin panel helpers shared by every translated model."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList, Panel

from translations.languages import localized


def side_by_side(*panels):
    """One row per field, so wagtail-modeltranslation lays its languages out next to each other."""
    return [
        FieldRowPanel([FieldPanel(panel) if isinstance(panel, str) else panel]) for panel in panels
    ]


class TranslationTab(ObjectList):
    """A tab for one language's long fields, named with the page's translation state in it."""

    class BoundPanel(ObjectList.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.instance.pk:
                state = {"tab": self.heading, "state": self.instance.translation_state_label}
                self.heading = gettext("%(tab)s (%(state)s)") % state


class TranslationStatePanel(Panel):
    """The English version's state (translated, missing, older than the Chinese) and its dates."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "translations/panels/translation_state.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            up_to_date = page.translated_en and not page.is_stale
            context |= {
                "state": page.translation_state_label,
                "status": "info" if up_to_date else "warning",
                "zh_hans_changed_at": page.zh_hans_changed_at,
                "en_changed_at": page.en_changed_at,
            }
            return context


class SourceTextPanel(Panel):
    """A read-only copy of a field in another language, for the translator to follow."""

    def __init__(self, field_name, language, **kwargs):
        kwargs.setdefault("classname", "collapsed translation-source")
        super().__init__(**kwargs)
        self.field_name = field_name
        self.language = language

    def clone_kwargs(self):
        return super().clone_kwargs() | {"field_name": self.field_name, "language": self.language}

    class BoundPanel(Panel.BoundPanel):
        template_name = "translations/panels/source_text.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["value"] = getattr(
                self.instance, localized(self.panel.field_name, self.panel.language)
            )
            context["empty_text"] = _("Nothing written in this language yet.")
            return context
