"""Whole-page cache and HTTP caching headers for anonymous readers, on Django's cache framework."""

import hashlib
import re
import uuid

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import get_max_age, patch_cache_control, set_response_etag

# Cookies an anonymous reader may carry without losing the cache: the language choice and the
# CSRF cookie of a contact form seen earlier (pages that use the token are never cached).
ANONYMOUS_COOKIES = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
GENERATION_KEY = "pagecache-generation:{}"


def page_cache():
    """The cache that holds pages (the configured default cache)."""
    return caches[settings.PAGE_CACHE_ALIAS]


def site_generation_key():
    """The cache key of the token of the whole site in this release (another has its own)."""
    return f"pagecache-generation:{settings.RELEASE}"


def generation_key(path):
    """The cache key of the token that changes whenever `path` is purged."""
    return GENERATION_KEY.format(path)


def purge_paths(paths):
    """Make every cached copy of `paths` (any query string, any language) stale at once.

    "/" stands for the whole site. Each path's pages are stored under a generation token, so a
    purge is one cache write per path, and ?page=2 copies go with the path's own.
    """
    cache = page_cache()
    if "/" in paths:
        cache.set(site_generation_key(), uuid.uuid4().hex, None)
    cache.set_many({generation_key(path): uuid.uuid4().hex for path in paths}, None)


def page_key(request, prefix, method):
    """The cache key of the URL's page under `prefix` (its generations).

    The absolute URL alone decides what an anonymous reader gets (the path carries the
    language; pages using a cookie are never kept), so no header of the response's `Vary`
    splits the cache, and a hit takes one read instead of Django's two.
    """
    url = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False).hexdigest()
    return f"pagecache:{prefix}:{method}:{url}"


def reader_is_anonymous(request):
    """The request carries no cookie but the language and CSRF ones (no session: no sign-in)."""
    return set(request.COOKIES) <= ANONYMOUS_COOKIES


def is_public_request(request):
    """A GET or HEAD of a public page by an anonymous reader, outside the admin and previews."""
    return (
        request.method in {"GET", "HEAD"}
        and reader_is_anonymous(request)
        and not any(pattern.match(request.path_info) for pattern in excluded_paths())
    )


def excluded_paths():
    """Compiled PAGE_CACHE_EXCLUDE_PATHS: the admin, search, previews and the language switch."""
    return [re.compile(pattern) for pattern in settings.PAGE_CACHE_EXCLUDE_PATHS]


def sets_state(request, response):
    """The response sets a cookie or hands out a CSRF token, session or message."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (session is not None and session.modified)
        or (messages is not None and messages.added_new)
    )


def is_shareable(request, response):
    """Whether shared caches (this one, Varnish) may keep the response for every reader."""
    cache_control = response.get("Cache-Control", "")
    return (
        is_public_request(request)
        and response.status_code == 200
        and not response.streaming
        and not getattr(request, "is_preview", False)
        and not sets_state(request, response)
        and "private" not in cache_control
        and "no-store" not in cache_control
        and get_max_age(response) != 0
    )


class PageCacheMiddleware:
    """Serve anonymous readers' pages from the cache; mark what may be cached and for how long.

    Public anonymous 200s get `Cache-Control: public, max-age=<browser>, s-maxage=<shared>` and
    are stored per URL (the path carries the language); every other response is private.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # PAGE_CACHE=0 in the environment turns the cache off; the headers stay.
        cacheable = settings.PAGE_CACHE and is_public_request(request)
        if cacheable:
            prefix = self.key_prefix(request)
            cached = self.fetch(request, prefix)
            if cached is not None:
                return cached
        response = self.get_response(request)
        if is_shareable(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_MAX_AGE,
                s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE,
            )
            if cacheable:
                self.store(request, response, prefix)
        elif "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)
        return response

    def key_prefix(self, request):
        """The site's and the path's current generation: a purge changes one of them."""
        cache = page_cache()
        keys = [site_generation_key(), generation_key(request.path)]
        tokens = cache.get_many(keys)
        # A token Redis lost (evicted, flushed) is replaced by a new one, never by a default that
        # copies stored before a purge would match.
        missing = {key: uuid.uuid4().hex for key in keys if key not in tokens}
        if missing:
            cache.set_many(missing, None)
        return ".".join((tokens | missing)[key] for key in keys)

    def fetch(self, request, prefix):
        """The cached response for this URL and generation, or None (HEAD: also a GET's)."""
        cache = page_cache()
        response = cache.get(page_key(request, prefix, "GET"))
        if response is None and request.method == "HEAD":
            response = cache.get(page_key(request, prefix, "HEAD"))
        if response is not None:
            response["X-Page-Cache"] = "hit"
        return response

    def store(self, request, response, prefix):
        """Keep the response for the shared lifetime (a purge makes it unreachable sooner)."""
        # Hashed once here, not by ConditionalGetMiddleware on every hit.
        if not response.has_header("ETag"):
            set_response_etag(response)
        key = page_key(request, prefix, request.method)
        page_cache().set(key, response, settings.PAGE_CACHE_SHARED_MAX_AGE)
        response["X-Page-Cache"] = "miss"
