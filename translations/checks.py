"""Startup checks that the wagtail_modeltranslation internals we adjust are still there."""

from django.core import checks
from wagtail_modeltranslation import patch_wagtailadmin, patch_wagtailadmin_forms

from translations.adoption import translated_page_models
from translations.models import TranslatedPage
from translations.slugs import duplicate_slug_errors


def _calls_validate_slugs(function):
    """Whether the clean() built by `function` looks `_validate_slugs` up by name when called."""
    nested = [const for const in function.__code__.co_consts if hasattr(const, "co_names")]
    return any("_validate_slugs" in code.co_names for code in nested)


@checks.register()
def check_adoption(app_configs, **kwargs):
    """Fail loudly when an upgrade of wagtail_modeltranslation changes what adoption relies on."""
    upstream = [
        hasattr(patch_wagtailadmin, "_new_route"),
        hasattr(patch_wagtailadmin, "_patch_clean")
        and _calls_validate_slugs(patch_wagtailadmin._patch_clean),
        hasattr(patch_wagtailadmin_forms, "patch_admin_page_form"),
        getattr(patch_wagtailadmin, "_validate_slugs", None) is duplicate_slug_errors,
    ]
    errors = []
    if not all(upstream):
        errors.append(
            checks.Error(
                "wagtail_modeltranslation no longer has the names translations.adoption adjusts "
                "(_new_route, _patch_clean calling _validate_slugs, patch_admin_page_form).",
                hint="Read the new wagtail_modeltranslation and update translations/adoption.py.",
                id="translations.E001",
            )
        )
    for model in translated_page_models():
        form = model.base_form_class
        if (
            model.route is not TranslatedPage.route
            or form.__module__ == patch_wagtailadmin_forms.__name__
        ):
            errors.append(
                checks.Error(
                    f"{model.__name__} does not route or validate slugs with translations' code.",
                    hint="translations.adoption.adopt_translated_pages() did not take effect.",
                    obj=model,
                    id="translations.E002",
                )
            )
    return errors
