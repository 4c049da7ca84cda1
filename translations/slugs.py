"""Slug rules: ASCII slugs (pinyin for Chinese titles), unique among siblings in each language."""

import re

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from translations.languages import DEFAULT_LANGUAGE, LANGUAGES, localized

ASCII_SLUG = re.compile(r"^[-a-z0-9_]+$")
NON_ASCII_SLUG_MESSAGE = _(
    "Use only lower-case Latin letters, digits and hyphens, for example “%(example)s”."
)


def ascii_slug(text):
    """An ASCII slug for any title: Chinese characters become pinyin syllables."""
    # pypinyin's dictionaries take tens of MiB: only editors' saves need them.
    from pypinyin import lazy_pinyin  # noqa: PLC0415

    return slugify(" ".join(lazy_pinyin(text or "", errors="default")))[:80].strip("-")


def title_derived(slug, title):
    """Whether `slug` is what the admin's title-to-slug script made of `title`."""
    return slug == slugify(title, allow_unicode=True)


def child_slug_lookup(slug, language):
    """A filter matching a child's slug in `language`, falling back to the default one."""
    lookup = Q(**{localized("slug", language): slug})
    if language != DEFAULT_LANGUAGE:
        lookup |= fallback_slug_lookup(slug, language)
    return lookup


def fallback_slug_lookup(slug, language):
    """An indexed filter matching a child without a slug in `language` by its default one."""
    empty = Q(**{localized("slug", language): ""}) | Q(
        **{f"{localized('slug', language)}__isnull": True}
    )
    return empty & Q(**{localized("slug", DEFAULT_LANGUAGE): slug})


def clean_slugs(page):
    """Suggest ASCII slugs where they are empty or derived from a Chinese title; refuse others."""
    errors = {}
    for language in LANGUAGES:
        slug_field, title_field = localized("slug", language), localized("title", language)
        slug, title = getattr(page, slug_field) or "", getattr(page, title_field) or ""
        if title and (not slug or (not slug.isascii() and title_derived(slug, title))):
            slug = free_slug(page, ascii_slug(title), language)
            setattr(page, slug_field, slug)
        if slug and not ASCII_SLUG.match(slug):
            errors[slug_field] = ValidationError(
                NON_ASCII_SLUG_MESSAGE,
                code="ascii_slug",
                params={"example": ascii_slug(slug)},
            )
    if errors:
        raise ValidationError(errors)


def siblings_of(page):
    """The pages beside `page` under its parent (none for a root or a page not yet placed)."""
    parent = page.get_parent() if page.path else None
    if parent is None:
        return None
    siblings = parent.get_children()
    return siblings.exclude(pk=page.pk) if page.pk else siblings


def free_slug(page, slug, language):
    """`slug`, or `slug-2`, `slug-3`… : the first one no sibling uses in `language`."""
    siblings = siblings_of(page)
    if siblings is None or not slug:
        return slug
    own, default = localized("slug", language), localized("slug", DEFAULT_LANGUAGE)
    rows = siblings.filter(
        Q(**{f"{own}__startswith": slug}) | Q(**{f"{default}__startswith": slug})
    ).values_list(*dict.fromkeys([own, default]))
    # A sibling without a slug in this language answers to its default-language one.
    taken = {row[0] or row[-1] for row in rows}
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug[: 80 - len(str(n)) - 1]}-{n}"
    return candidate


def duplicate_slug_errors(page):
    """Per-language slug uniqueness among siblings, checked with indexed queries."""
    siblings = siblings_of(page)
    if siblings is None:
        return {}
    errors = {}
    for language in LANGUAGES:
        slug = getattr(page, localized("slug", language)) or getattr(
            page, localized("slug", DEFAULT_LANGUAGE)
        )
        if slug and siblings.filter(child_slug_lookup(slug, language)).exists():
            errors[localized("slug", language)] = _("This slug is already in use")
    return errors
