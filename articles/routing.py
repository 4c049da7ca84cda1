"""Page routing, slugs and URL history for field-level translated pages.

wagtail_modeltranslation replaces `Page.route` with one that loads every sibling and compares slugs
in Python, writes the plain `title`/`slug` columns in whatever language the editor's UI is in, and
only redirects the plain `url_path` when a slug changes. `install()` (called from the app's ready())
puts indexed routing, default-language saves and per-language redirects in their place.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from pypinyin import lazy_pinyin
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.signals import post_page_move, pre_page_move
from wagtail.url_routing import RouteResult

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
ASCII_SLUG = re.compile(r"^[-a-z0-9_]+$")
NON_ASCII_SLUG_MESSAGE = _(
    "Use only lower-case Latin letters, digits and hyphens, for example “%(example)s”."
)


def localized(field, language):
    """The column name of `field` in `language`, e.g. slug_zh_hans."""
    return build_localized_fieldname(field, language)


def current_language():
    """The active language if it is one of the site's, else the default."""
    language = translation.get_language()
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def untranslated_page(request):
    """The page a 404 was raised for because it is not translated into the request's language."""
    return getattr(request, "untranslated_page", None)


def is_available_in(page, language):
    """Whether `page` may be shown in `language` (pages without a translation state always are)."""
    return language == DEFAULT_LANGUAGE or getattr(page, f"translated_{language}", True)


def child_slug_lookup(slug, language):
    """An indexed filter matching a child's slug in `language`, falling back to the default one."""
    lookup = Q(**{localized("slug", language): slug})
    if language != DEFAULT_LANGUAGE:
        empty = Q(**{localized("slug", language): ""}) | Q(
            **{f"{localized('slug', language)}__isnull": True}
        )
        lookup |= empty & Q(**{localized("slug", DEFAULT_LANGUAGE): slug})
    return lookup


def route(self, request, path_components):
    """Follow the URL one level down with one indexed query, whatever the number of siblings."""
    if isinstance(self, RoutablePageMixin) and self.live:
        try:
            path = "/" + "".join(f"{component}/" for component in path_components)
            view, args, kwargs = self.resolve_subpage(path)
            return RouteResult(self, args=(view, args, kwargs))
        except Http404:
            pass
    language = current_language()
    if path_components:
        child_slug, remaining = path_components[0], path_components[1:]
        child = self.get_children().filter(child_slug_lookup(child_slug, language)).first()
        if child is None:
            raise Http404
        child = child.specific_deferred if remaining else child.specific
        return child.route(request, remaining)
    if not self.live:
        raise Http404
    if not is_available_in(self, language):
        # Wagtail turns any Http404 from route() into a bare one; the 404 view finds the page here.
        request.untranslated_page = self
        raise Http404(f"{self} is not translated into {language}")
    return RouteResult(self)


# Slugs


def ascii_slug(text):
    """An ASCII slug for any title: Chinese characters become pinyin syllables."""
    return slugify(" ".join(lazy_pinyin(text or "", errors="default")))[:80].strip("-")


def title_derived(slug, title):
    """Whether `slug` is what the admin's title-to-slug script made of `title`."""
    return slug == slugify(title, allow_unicode=True)


def clean_slugs(page):
    """Suggest ASCII slugs where they are empty or derived from a Chinese title; refuse others."""
    errors = {}
    for language in LANGUAGES:
        slug_field, title_field = localized("slug", language), localized("title", language)
        slug, title = getattr(page, slug_field) or "", getattr(page, title_field) or ""
        if title and (not slug or (not slug.isascii() and title_derived(slug, title))):
            slug = ascii_slug(title)
            setattr(page, slug_field, slug)
        if slug and not ASCII_SLUG.match(slug):
            errors[slug_field] = ValidationError(
                NON_ASCII_SLUG_MESSAGE,
                code="ascii_slug",
                params={"example": ascii_slug(slug)},
            )
    if errors:
        raise ValidationError(errors)


def validate_unique_slugs(page):
    """Per-language slug uniqueness among siblings, checked with indexed queries."""
    parent = page.get_parent() if page.path else None
    if parent is None:
        return {}
    siblings = parent.get_children()
    if page.pk:
        siblings = siblings.exclude(pk=page.pk)
    errors = {}
    for language in LANGUAGES:
        slug = getattr(page, localized("slug", language)) or getattr(
            page, localized("slug", DEFAULT_LANGUAGE)
        )
        if slug and siblings.filter(child_slug_lookup(slug, language)).exists():
            errors[localized("slug", language)] = _("This slug is already in use")
    return errors


# Saving in the default language


def default_language_method(method):
    """Wrap a page method so the plain columns it writes hold the default language."""

    def wrapper(self, *args, **kwargs):
        with translation.override(DEFAULT_LANGUAGE):
            return method(self, *args, **kwargs)

    wrapper.__name__ = f"default_language_{method.__name__}"
    wrapper.__doc__ = method.__doc__
    return wrapper


def public_paths(pages):
    """Map (page id, language) to the page's public path, e.g. /en/news/slug/, for `pages`."""
    roots = list(Site.objects.values_list("root_page__path", flat=True))
    root_url_paths = {
        (row["path"], language): row[localized("url_path", language)]
        for row in Page.objects.filter(path__in=roots).values(
            "path", *[localized("url_path", language) for language in LANGUAGES]
        )
        for language in LANGUAGES
    }
    paths = {}
    for row in pages.values("id", "path", *[localized("url_path", lang) for lang in LANGUAGES]):
        for (root_path, language), root_url_path in root_url_paths.items():
            url_path = row[localized("url_path", language)]
            inside = row["path"].startswith(root_path) and url_path and root_url_path
            if inside and url_path.startswith(root_url_path):
                paths[row["id"], language] = f"/{language}/{url_path[len(root_url_path) :]}"
    return paths


def subtree_paths(page):
    """The public paths of `page` and its descendants, read from the database."""
    return public_paths(Page.objects.filter(path__startswith=page.path))


def redirect_old_paths(before, after):
    """Create permanent redirects from every path that changed to the page now at the new one."""
    for key, old_path in before.items():
        new_path = after.get(key)
        if new_path is None or new_path == old_path:
            continue
        old = Redirect.normalise_path(old_path)
        Redirect.objects.filter(old_path=Redirect.normalise_path(new_path)).delete()
        Redirect.objects.update_or_create(
            old_path=old,
            site=None,
            defaults={"redirect_page_id": key[0], "is_permanent": True, "redirect_link": ""},
        )


def save_with_redirects(save):
    """Wrap `save` so old URLs of the page and its descendants redirect after a slug change."""

    def wrapper(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        moves_url = update_fields is None or any(
            name.startswith(("slug", "url_path")) for name in update_fields
        )
        watch = self.pk and moves_url and not getattr(self, "_watching_paths", False)
        if not watch:
            return save(self, *args, **kwargs)
        before = subtree_paths(self)
        self._watching_paths = True
        try:
            result = save(self, *args, **kwargs)
        finally:
            self._watching_paths = False
        redirect_old_paths(before, subtree_paths(self))
        return result

    wrapper.__name__ = f"redirecting_{save.__name__}"
    return wrapper


def cleaning_slugs(method):
    """Wrap a clean method so slugs are suggested and checked before Wagtail fills its defaults."""

    def wrapper(self, *args, **kwargs):
        clean_slugs(self)
        return method(self, *args, **kwargs)

    wrapper.__name__ = f"slug_{method.__name__}"
    return wrapper


def optional_slug_form(form_class):
    """The page form with slugs optional: empty ones are suggested from the title on save."""

    class OptionalSlugPageForm(form_class):
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

        def clean(self):
            if form_class.__name__ == "WagtailFixedAdminPageForm":
                # Its slug check loads every sibling; the model's clean() does it with indexes.
                return super(form_class, self).clean()
            return super().clean()

    OptionalSlugPageForm.__name__ = f"OptionalSlug{form_class.__name__}"
    return OptionalSlugPageForm


_paths_before_move = {}


def remember_paths_before_move(sender, instance, **kwargs):
    """Note the public paths of a page subtree before it moves."""
    _paths_before_move[instance.pk] = subtree_paths(instance)


def redirect_after_move(sender, instance, **kwargs):
    """Redirect the paths a moved subtree had before the move."""
    before = _paths_before_move.pop(instance.pk, None)
    if before:
        redirect_old_paths(before, subtree_paths(Page.objects.get(pk=instance.pk)))


def fast_validate_slugs(page):
    """Replacement for wagtail_modeltranslation's slug check that loads every sibling."""
    return validate_unique_slugs(page)


def install():
    """Apply our routing, slug and saving rules to every translated page model."""
    from wagtail_modeltranslation import patch_wagtailadmin  # noqa: PLC0415 (needs ready apps)

    # The patched clean() looks this name up at call time.
    patch_wagtailadmin._validate_slugs = fast_validate_slugs
    if Page.full_clean.__name__.startswith("default_language"):
        return
    Page.save_revision = default_language_method(Page.save_revision)
    Page.full_clean = default_language_method(cleaning_slugs(Page.full_clean))
    Page.minimal_clean = default_language_method(cleaning_slugs(Page.minimal_clean))
    for model in patch_wagtailadmin.WagtailTranslator._patched_models:
        if not issubclass(model, Page):
            continue
        model.route = route
        if "save" in model.__dict__:
            model.save = default_language_method(save_with_redirects(model.save))
        model.base_form_class = optional_slug_form(model.base_form_class)
        model.get_edit_handler.cache_clear()
    pre_page_move.connect(remember_paths_before_move, dispatch_uid="h4_paths_before_move")
    post_page_move.connect(redirect_after_move, dispatch_uid="h4_redirect_after_move")


# Links between languages


class LanguageLink:
    """One language of the page being viewed: where it is and whether it exists."""

    def __init__(self, code, name, url, *, current):
        self.code = code
        self.name = name
        self.url = url
        self.current = current
        self.available = url is not None
        self.hreflang = translation.to_locale(code).replace("_", "-")


def page_url_in(page, language, request=None):
    """The page's path in `language`, or None when it is not published in that language."""
    if not (page.live and is_available_in(page, language)):
        return None
    with translation.override(language):
        return page.get_url(request=request)


def swapped_prefix(path, language):
    """`path` with its language prefix replaced by `language` (for views that are not pages)."""
    for code in LANGUAGES:
        if path.startswith(f"/{code}/"):
            return f"/{language}/{path[len(code) + 2 :]}"
    return f"/{language}/"


def language_links(request, page=None):
    """A LanguageLink per site language for `page` (or the current non-page path)."""
    active = current_language()
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            url = page_url_in(page, code, request)
        else:
            url = swapped_prefix(request.get_full_path(), code)
        links.append(LanguageLink(code, name, url, current=code == active))
    return links
