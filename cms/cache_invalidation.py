"""The public URLs a change makes stale, purged from the page cache and the frontend cache."""

import logging
from urllib.parse import unquote

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

from articles.models import ArticlePage, ArticleTag, NewsIndexPage
from articles.topics import CATEGORY, TAG
from cms import page_cache, warming
from cms.sitemaps import sitemap_paths
from cms.templatetags.site_chrome import in_main_navigation
from common import render_cache
from translations.languages import LANGUAGES

logger = logging.getLogger("cms.cache")

# Everything under the site root: what a change to the chrome (settings, navigation) makes stale.
WHOLE_SITE = "/"


def language_paths(view_name, kwargs=None):
    """The path of a named view in every language, e.g. /zh-hans/feed/ and /en/feed/."""
    paths = set()
    for language in LANGUAGES:
        with translation.override(language):
            try:
                paths.add(reverse(view_name, kwargs=kwargs))
            except NoReverseMatch:
                continue
    return paths


def site_wide_lists():
    """Pages listing every article: the feeds (RSS and Atom, each language) and the sitemap.

    A new or removed page shifts the entries of every later sitemap page, so the index and every
    section go, each with all of its ?p= pages (both caches purge a path whatever its query).
    """
    return language_paths("feed_rss") | language_paths("feed_atom") | sitemap_paths()


def page_paths(page):
    """The page's path in every language (live or not: the page may just have left)."""
    paths = set()
    for language in LANGUAGES:
        with translation.override(language):
            url = page.specific_deferred.get_url()
        if url and url.startswith("/"):
            paths.add(url)
    return paths


def topic_paths(index_paths, article):
    """The article's category and tag pages under each language's news index, and their feeds."""
    subjects = [(CATEGORY, article.category)] if getattr(article, "category", None) else []
    subjects += [(TAG, tag) for tag in article.tags.all()]
    paths = set()
    for kind, subject in subjects:
        paths |= subject_paths(index_paths, kind, subject.slug)
    return paths


def subject_paths(index_paths, kind, slug):
    """One category's or tag's page under each of the index paths, and its feeds."""
    if not slug:
        return set()
    paths = {f"{path}{NewsIndexPage.topic_path(kind, slug)}" for path in index_paths}
    kwargs = {"kind": kind, "slug": slug}
    paths |= language_paths("topic_feed_rss", kwargs) | language_paths("topic_feed_atom", kwargs)
    # Reversing percent-encodes a Chinese tag; page URLs and request.path are not encoded.
    return {unquote(path) for path in paths}


def urls_for_tag(tag, slugs=()):
    """The paths showing a tag: its live articles with their lists, its pages (also at `slugs`)."""
    paths = set()
    for article in ArticlePage.objects.live().filter(tags=tag).distinct():
        paths |= urls_for_page(article)
        index_paths = page_paths(article.get_parent())
        for slug in {tag.slug, *slugs}:
            paths |= subject_paths(index_paths, TAG, slug)
    return paths


def urls_for_page(page):
    """The paths a change to `page` makes stale: itself, its ancestors, neighbours and lists."""
    page = page.specific
    if in_main_navigation(page):
        return {WHOLE_SITE}
    paths = page_paths(page)
    ancestors = page.get_ancestors().filter(depth__gt=1).specific()
    for ancestor in ancestors:
        paths |= page_paths(ancestor)
    if isinstance(page, ArticlePage):
        paths |= cited_object_paths(page) | article_surroundings(page)
        paths |= getattr(page, "shown_before_save", set())
    return paths | site_wide_lists()


def article_surroundings(article):
    """The paths of the article's topic pages and of its previous and next articles."""
    paths = topic_paths(page_paths(article.get_parent()), article)
    for language in LANGUAGES:
        with translation.override(language):
            for neighbour in (article.previous_article(), article.next_article()):
                if neighbour is not None:
                    paths |= page_paths(neighbour)
    return paths


def object_paths(instance):
    """Paths the object itself is shown at (PAGE_CACHE_OBJECT_URLS, e.g. a trial's page)."""
    patterns = settings.PAGE_CACHE_OBJECT_URLS.get(instance._meta.label_lower, ())
    if isinstance(patterns, str):
        patterns = (patterns,)
    return {
        pattern.format(language=language, pk=instance.pk, object=instance)
        for pattern in patterns
        for language in LANGUAGES
    }


def cited_object_paths(page):
    """The own pages of the objects `page` cites (a trial page lists the articles citing it)."""
    paths = set()
    references = ReferenceIndex.get_references_for_object(page).select_related("to_content_type")
    for content_type, ids in group_ids(references):
        model = content_type.model_class()
        if model is not None and model._meta.label_lower in settings.PAGE_CACHE_OBJECT_URLS:
            for instance in model.objects.filter(pk__in=ids):
                paths |= object_paths(instance)
    return paths


def group_ids(references):
    """[(content type, {object ids})] of the objects that reference rows point to."""
    groups = {}
    for reference in references:
        groups.setdefault(reference.to_content_type, set()).add(reference.to_object_id)
    return list(groups.items())


def urls_for_object(instance, seen=None):
    """The paths a change to a snippet or setting makes stale, found through the ReferenceIndex."""
    if isinstance(instance, (BaseSiteSetting, BaseGenericSetting)):
        return {WHOLE_SITE}
    seen = seen if seen is not None else set()
    key = (instance._meta.label_lower, str(instance.pk))
    if key in seen:
        return set()
    seen.add(key)
    paths = object_paths(instance)
    for source, _references in ReferenceIndex.get_references_to(instance).group_by_source_object():
        if source is None:
            continue
        if isinstance(source, Page):
            if source.live:
                paths |= urls_for_page(source)
        else:
            paths |= urls_for_object(source, seen)
        if WHOLE_SITE in paths:
            return {WHOLE_SITE}
    return paths


def site_root_urls():
    """The root URL of every site, for the frontend cache's absolute URLs."""
    return [site.root_url for site in Site.objects.all()]


def purge(paths, published=None):
    """Purge `paths` (and the render cache) now and again once committed, then from Varnish.

    The second purge drops a copy a reader's request made from the old data while the change
    was being committed. A `published` page is then rendered again for its first reader.
    """
    if not paths:
        return
    stale(paths)
    transaction.on_commit(lambda: committed(paths, published))


def stale(paths):
    """Purge `paths` from the page cache and retire the cached settings, menus and fragments."""
    page_cache.purge_paths(paths)
    render_cache.bump()


def committed(paths, published=None):
    """After the change is committed: purge the page cache again, then the frontend cache."""
    stale(paths)
    purge_frontend(paths)
    if published is not None:
        warming.warm_page(published)


def purge_frontend(paths):
    """Ask the frontend cache (Varnish) to purge every path on every site; never raise."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_urls([f"{root}{path}" for root in site_root_urls() for path in sorted(paths)])
    try:
        batch.purge()
    except Exception:
        # A publish must never fail because the frontend cache is down; its TTL bounds the damage.
        logger.exception("Frontend cache purge failed for %d URLs", len(batch.urls))


def page_saving(sender, instance, update_fields=None, **kwargs):
    """Before an article's content is saved, note the pages that show it now."""
    # A draft revision (saved with update_fields) changes nothing readers see.
    if update_fields is not None or not instance.pk:
        return
    # The new version may stop citing a record, drop a tag or category (their pages) or move
    # between other articles (a new date): those pages show the old one.
    instance.shown_before_save = cited_object_paths(instance)
    stored = ArticlePage.objects.filter(pk=instance.pk, live=True).first()
    if stored is not None:
        instance.shown_before_save |= article_surroundings(stored)


def page_went_live(sender, instance, **kwargs):
    """Page published (also by publish_scheduled): purge what shows it, then render it again."""
    purge(urls_for_page(instance), published=instance)


def page_taken_down(sender, instance, **kwargs):
    """Page unpublished (also when its expiry passes): purge what showed it."""
    purge(urls_for_page(instance))


def page_moving(sender, instance, **kwargs):
    """Page about to move: purge where it was shown (again once the move is committed)."""
    if instance.live:
        purge(urls_for_page(instance))


def page_moved(sender, instance, **kwargs):
    """Page moved: purge its new URLs and the lists around them."""
    if instance.live:
        purge(urls_for_page(instance))


def page_deleting(sender, instance, **kwargs):
    """Page about to be deleted: purge what showed it (again once it has gone)."""
    # Django sends pre_delete for each table of a page (Page, then its type): act once.
    if isinstance(instance, Page) and type(instance) is instance.specific_class and instance.live:
        purge(urls_for_page(instance))


def restriction_changed(sender, instance, **kwargs):
    """A page's privacy changed: the lists showing it (and its own copies) are stale."""
    if instance.page.live:
        purge(urls_for_page(instance.page))


def is_watched(model):
    """Whether saving `model` changes public pages: a snippet or a setting (tags: tag_changed)."""
    if model is ArticleTag:
        return False
    return issubclass(model, (BaseSiteSetting, BaseGenericSetting)) or model in get_snippet_models()


def object_changed(sender, instance, **kwargs):
    """A snippet or setting was saved: purge the pages that show it."""
    if is_watched(sender):
        purge(urls_for_object(instance))


def object_deleting(sender, instance, **kwargs):
    """Find a snippet's referencing pages before deleting it removes its references."""
    if is_watched(sender):
        purge(urls_for_object(instance))


def tag_saving(sender, instance, **kwargs):
    """Before a tag is saved, note its stored slug: its pages there go stale if it changes."""
    if instance.pk:
        stored = ArticleTag.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        instance.slug_before_save = stored


def tag_changed(sender, instance, **kwargs):
    """A tag was renamed (in either language) or given another slug: purge what shows it."""
    old_slug = getattr(instance, "slug_before_save", None)
    purge(urls_for_tag(instance, {old_slug} if old_slug else set()))


def tag_deleting(sender, instance, **kwargs):
    """Find a tag's articles before deleting it removes them from it."""
    purge(urls_for_tag(instance))


def connect():
    """Connect the receivers (from CmsConfig.ready)."""
    page_published.connect(page_went_live, dispatch_uid="cms_cache_published")
    page_unpublished.connect(page_taken_down, dispatch_uid="cms_cache_unpublished")
    pre_page_move.connect(page_moving, dispatch_uid="cms_cache_moving")
    post_page_move.connect(page_moved, dispatch_uid="cms_cache_moved")
    pre_delete.connect(page_deleting, dispatch_uid="cms_cache_page_deleting")
    pre_save.connect(page_saving, sender=ArticlePage, dispatch_uid="cms_cache_page_saving")
    post_save.connect(object_changed, dispatch_uid="cms_cache_object_saved")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"cms_cache_restriction_{signal is post_save}",
        )
    pre_delete.connect(object_deleting, dispatch_uid="cms_cache_object_deleting")
    pre_save.connect(tag_saving, sender=ArticleTag, dispatch_uid="cms_cache_tag_saving")
    post_save.connect(tag_changed, sender=ArticleTag, dispatch_uid="cms_cache_tag_saved")
    pre_delete.connect(tag_deleting, sender=ArticleTag, dispatch_uid="cms_cache_tag_deleting")
