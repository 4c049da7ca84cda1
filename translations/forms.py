"""Admin forms of translated pages: slugs may be left empty and are then made from the title."""

from django.utils.translation import gettext_lazy as _

from common.admin_forms import StaleEditCheckedPageForm
from translations.languages import LANGUAGES, localized


class TranslatedPageFormMixin:
    """Make every language's slug optional; the page's full_clean() suggests and checks them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for language in LANGUAGES:
            field = self.fields.get(localized("slug", language))
            if field is not None:
                field.required = False
                field.help_text = _(
                    "Latin letters only. Leave empty to make one from the title "
                    "(pinyin for Chinese)."
                )


class TranslatedPageForm(TranslatedPageFormMixin, StaleEditCheckedPageForm):
    """The page form of translated pages: optional slugs, and no save over a newer revision."""
