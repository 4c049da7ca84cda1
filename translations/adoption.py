"""The one adjustment of wagtail_modeltranslation: our page models keep their own routing.

wagtail_modeltranslation's ready() assigns its own `route` (which loads every sibling to compare
slugs in Python) and wraps `base_form_class` (with a slug check that does the same) on every
registered page model, and its patched `clean()` calls `_validate_slugs` (the same again).
`adopt_translated_pages()` undoes the first two on TranslatedPage subclasses and points the third
at our indexed check. `checks.check_adoption` fails at startup when those upstream names change.
"""

from django.apps import apps
from wagtail_modeltranslation import patch_wagtailadmin, patch_wagtailadmin_forms

from translations.models import TranslatedPage
from translations.slugs import duplicate_slug_errors


def translated_page_models():
    """Every concrete page model built on TranslatedPage."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatedPage) and not model._meta.abstract
    ]


def adopt_translated_pages():
    """Give TranslatedPage subclasses back their own route and form; check slugs with indexes."""
    patch_wagtailadmin._validate_slugs = duplicate_slug_errors
    for model in translated_page_models():
        if model.__dict__.get("route") is patch_wagtailadmin._new_route:
            del model.route
        form = model.__dict__.get("base_form_class")
        if form is not None and form.__module__ == patch_wagtailadmin_forms.__name__:
            model.base_form_class = form.__bases__[0]
            model.get_edit_handler.cache_clear()
