"""Rendering data shared between requests (site settings, navigation, article fragments).

Everything kept here is keyed by one content-version token, which `cms.cache_invalidation`
replaces whenever a change purges pages; a stale entry is then never read again.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.utils import translation

# Entries outlive no purge; the timeout only bounds what a cache without eviction keeps.
TIMEOUT = 24 * 60 * 60


def render_cache():
    """The cache holding rendering data (the page cache's)."""
    return caches[settings.PAGE_CACHE_ALIAS]


def version_key():
    """The cache key of this release's content-version token (another release has its own)."""
    return f"render-cache-version:{settings.RELEASE}"


def content_version():
    """The current content-version token (a new one when the cache lost it)."""
    cache = render_cache()
    token = cache.get(version_key())
    if token is None:
        # A token lost to eviction or a flush is replaced, never defaulted: entries made under
        # an older token must stay unreachable.
        token = uuid.uuid4().hex
        if not cache.add(version_key(), token, None):
            token = cache.get(version_key()) or token
    return token


def bump():
    """Make every entry stale: the content shown to readers has changed."""
    render_cache().set(version_key(), uuid.uuid4().hex, None)


def versioned_key(*parts):
    """A cache key of `parts` under the current content version."""
    return ":".join(["render", content_version(), *(str(part) for part in parts)])


def get_or_build(build, *parts):
    """The entry of `parts` under the current version, built by `build()` when missing."""
    cache = render_cache()
    key = versioned_key(*parts)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


@dataclass(frozen=True)
class Fragment:
    """The key and lifetime of a template fragment for Django's `{% cache %}` tag."""

    key: str
    timeout: int


def fragment(request, *parts):
    """A fragment of `parts` as readers of this language, scheme and host see it.

    A preview renders a draft under the live page's id: its key is never reused and it is
    never kept (timeout 0), so no reader sees a draft and no preview a stale live body.
    """
    if getattr(request, "is_preview", False):
        return Fragment(f"preview:{uuid.uuid4().hex}", 0)
    context = (translation.get_language(), request.scheme, request.get_host())
    return Fragment(versioned_key(*context, *parts), TIMEOUT)
