"""Base classes of translated pages: routing by translated slug, slug rules, URL history, state."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models
from wagtail.query import PageQuerySet
from wagtail.url_routing import RouteResult

from translations.forms import TranslatedPageForm
from translations.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    current_language,
    localized,
    suffix,
)
from translations.redirects import page_paths, rebase, redirect_old_paths, subtree_paths
from translations.slugs import clean_slugs, fallback_slug_lookup


class TranslatedPage(Page):
    """A page reached by its slug in each language, saved with the default language's plain columns.

    wagtail_modeltranslation stores `title`, `slug` and `url_path` per language; this class routes
    by them with one indexed query per URL level, suggests ASCII slugs, keeps the plain columns in
    the default language whatever the editor's admin language, and keeps every language's old URL
    alive as a permanent redirect when a slug changes.
    """

    base_form_class = TranslatedPageForm
    # Relations the page's template shows, fetched with the page when a reader's URL reaches it.
    served_related = ()

    class Meta:
        abstract = True

    def is_available_in(self, language):
        """Whether readers get this page in `language` (every language, unless a subclass says)."""
        return True

    @property
    def preview_modes(self):
        """The page's own preview modes, each once per language (default language first)."""
        return [
            (preview_mode(mode, code), f"{label} · {name}" if mode else name)
            for mode, label in super().preview_modes
            for code, name in settings.LANGUAGES
        ]

    def serve_preview(self, request, mode_name):
        """Render the draft with the mode's language active throughout, as readers will see it."""
        mode, language = split_preview_mode(mode_name)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode)
            if hasattr(response, "render"):
                response.render()
        return response

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
            child = self.child_by_slug(child_slug, language)
            if child is None:
                raise Http404
            child = child.specific_deferred if remaining else served(child)
            return child.route(request, remaining)
        if not self.live:
            raise Http404
        if not is_available_in(self, language):
            # Wagtail turns any Http404 from route() into a bare one; the 404 view finds it here.
            request.untranslated_page = self
            raise Http404(f"{self} is not translated into {language}")
        return RouteResult(self)

    def child_by_slug(self, slug, language):
        """The child whose slug in `language` (or, having none, in the default one) is `slug`."""
        children = self.get_children()
        # Two indexed lookups: one OR of both made PostgreSQL read every sibling.
        child = children.filter(**{localized("slug", language): slug}).first()
        if child is None and language != DEFAULT_LANGUAGE:
            child = children.filter(fallback_slug_lookup(slug, language)).first()
        return child

    def full_clean(self, *args, **kwargs):
        with translation.override(DEFAULT_LANGUAGE):
            clean_slugs(self)
            return super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        with translation.override(DEFAULT_LANGUAGE):
            clean_slugs(self)
            return super().minimal_clean()

    def save_revision(self, *args, **kwargs):
        with translation.override(DEFAULT_LANGUAGE):
            return super().save_revision(*args, **kwargs)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        moves_url = update_fields is None or any(
            name.startswith(("slug", "url_path")) for name in update_fields
        )
        before = subtree_paths(self) if self.pk and moves_url else {}
        with translation.override(DEFAULT_LANGUAGE):
            result = super().save(*args, **kwargs)
        if before:
            old_prefixes = {lang: path for (pk, lang), path in before.items() if pk == self.pk}
            redirect_old_paths(before, rebase(before, old_prefixes, page_paths(self)))
        return result


class RoutableTranslatedPage(RoutablePageMixin, TranslatedPage):
    """A translated page that also answers addresses of its own below it (RoutablePageMixin)."""

    # TranslatedPage.route tries the page's own routes before its children's slugs.
    route = TranslatedPage.route

    class Meta:
        abstract = True

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin's own preview would drop the language of TranslatedPage's modes.
        return TranslatedPage.serve_preview(self, request, mode_name)


def served(page):
    """`page` as its own type, with its `served_related` relations, in one query."""
    model = page.specific_class
    related = getattr(model, "served_related", ())
    if not related:
        return page.specific
    return model._base_manager.select_related(*related).get(pk=page.pk)


def preview_mode(mode, language):
    """The name of the preview mode showing the page's `mode` in `language`."""
    return f"{mode}.{language}" if mode else language


def split_preview_mode(mode_name):
    """The page's own mode and the language of a preview mode name (unknown: the default)."""
    mode, _dot, language = (mode_name or "").rpartition(".")
    if language not in LANGUAGES:
        return mode_name or "", DEFAULT_LANGUAGE
    return mode, language


def is_available_in(page, language):
    """Whether `page` may be shown in `language` (pages of other kinds always are)."""
    return not isinstance(page, TranslatedPage) or page.is_available_in(language)


class TranslatedQuerySet(PageQuerySet):
    """Page queries that know which languages a page is published in."""

    def in_language(self, language=None):
        """Pages readable in `language` (default: the active one); all are in the default one."""
        language = language or translation.get_language()
        if language == DEFAULT_LANGUAGE:
            return self
        return self.filter(**{f"translated_{suffix(language)}": True})


def readable_in(pages, language):
    """`pages` (any page queryset) without those not translated into `language`."""
    if language == DEFAULT_LANGUAGE:
        return pages
    return pages.filter(readable_q(language))


def readable_q(language):
    """The condition on any page queryset of being readable in `language`."""
    condition = Q()
    if language == DEFAULT_LANGUAGE:
        return condition
    for model in get_page_models():
        if issubclass(model, TranslationState) and not model._meta.abstract:
            untranslated = model.objects.filter(**{f"translated_{suffix(language)}": False})
            condition &= ~Q(pk__in=untranslated.values("pk"))
    return condition


class TranslationState(models.Model):
    """When each language of a page's translated content last changed, and whether English exists.

    A page is translated into a language when every field of `translated_content` has text in it.
    """

    translated_content = ("title",)

    translated_en = models.BooleanField(
        _("translated into English"), default=False, editable=False, db_index=True
    )
    # Set by translations.signals when that language's translated content changes.
    zh_hans_changed_at = models.DateTimeField(_("Chinese last changed"), null=True, editable=False)
    en_changed_at = models.DateTimeField(_("English last changed"), null=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        for language in LANGUAGES:
            if language != DEFAULT_LANGUAGE:
                setattr(self, f"translated_{suffix(language)}", self.is_translated(language))
        return super().save(*args, **kwargs)

    def is_translated(self, language):
        """Whether every translated content field has text in `language`."""
        return all(self.__dict__.get(localized(name, language)) for name in self.translated_content)

    def is_available_in(self, language):
        return language == DEFAULT_LANGUAGE or getattr(self, f"translated_{suffix(language)}", True)

    def published_languages(self):
        """The languages readers get this page in: the default always, others once translated."""
        return [code for code in LANGUAGES if code == DEFAULT_LANGUAGE or self.is_translated(code)]

    @property
    def is_stale(self):
        """Whether the Chinese changed after the English was last changed."""
        zh, en = self.zh_hans_changed_at, self.en_changed_at
        return bool(self.translated_en and zh and en and zh > en)

    @property
    def translation_state_label(self):
        """The editor-facing translation state."""
        if not self.translated_en:
            return _("No English version")
        if self.is_stale:
            return _("Chinese changed after English")
        return _("Translated")

    def start_english(self):
        """Fill the empty English translated content from the Chinese, as a starting draft."""
        for name in self.translated_content:
            if not getattr(self, localized(name, "en")):
                setattr(self, localized(name, "en"), getattr(self, localized(name, "zh-hans")))

    def stamp_changed_languages(self, previous, now=None):
        """Note the time for each language whose translated content differs from `previous`."""
        now = now or timezone.now()
        for language in LANGUAGES:
            current = self.stored_content(language)
            changed = (
                any(current) if previous is None else current != previous.stored_content(language)
            )
            if changed:
                setattr(self, f"{suffix(language)}_changed_at", now)

    def stored_content(self, language):
        """The stored form of the translated content in `language`."""
        return [
            self._meta.get_field(localized(name, language)).get_prep_value(
                getattr(self, localized(name, language))
            )
            for name in self.translated_content
        ]


def needs_english():
    """Pages with no English version, or whose Chinese changed after their English."""
    return Q(translated_en=False) | Q(translated_en=True, zh_hans_changed_at__gt=F("en_changed_at"))
