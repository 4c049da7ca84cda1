"""The site's languages and the names of their translated columns."""

from django.conf import settings
from django.utils import translation
from django.utils.functional import lazy
from modeltranslation.utils import build_localized_fieldname

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def localized(field, language):
    """The column name of `field` in `language`, e.g. slug_zh_hans."""
    return build_localized_fieldname(field, language)


def suffix(language):
    """The column suffix of a language code: zh-hans → zh_hans."""
    return language.replace("-", "_")


def current_language():
    """The active language if it is one of the site's, else the default."""
    language = translation.get_language()
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def hreflang(language):
    """The BCP 47 tag of a language code, as hreflang and schema.org want it: zh-hans → zh-Hans."""
    return translation.to_locale(language).replace("_", "-")


def _language_names(codes):
    """The names of language `codes` in the active language, joined."""
    return ", ".join(str(translation.get_language_info(code)["name_translated"]) for code in codes)


# Lazy, so that a message built while another language is active reads right when shown.
language_names = lazy(_language_names, str)
