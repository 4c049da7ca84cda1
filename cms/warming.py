"""Pages rendered once a publish is committed, so that their first reader finds them warm.

A publish retires the render cache and purges the page cache; without this the first reader of
the new article would pay for its body, JSON-LD, breadcrumbs, topics, related articles and
pager, and the site's settings and navigation. Here a request like an anonymous reader's goes
through the project's own middleware (so the page cache and the fragments are filled exactly as
a reader's request fills them), at the host and scheme of the page's site.
"""

import functools
import io
import logging
from urllib.parse import urlsplit

from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.utils import translation

from translations.languages import LANGUAGES
from translations.models import is_available_in

logger = logging.getLogger("cms.cache")


@functools.cache
def handler():
    """Django's request handler with the project's middleware (built once per process)."""
    base = BaseHandler()
    base.load_middleware()
    return base


def reader_request(url):
    """An anonymous reader's GET of the absolute `url`: no cookie, so no session or sign-in."""
    parts = urlsplit(url)
    return WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": parts.path,
            "QUERY_STRING": parts.query,
            "SERVER_NAME": parts.hostname,
            "SERVER_PORT": str(parts.port or (443 if parts.scheme == "https" else 80)),
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": parts.netloc,
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": parts.scheme,
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
    )


def page_urls(page):
    """The page's full URL in every language it is published in (a Chinese-only one: one)."""
    page = page.specific_deferred
    urls = []
    for language in LANGUAGES:
        if not is_available_in(page, language):
            continue
        with translation.override(language):
            url = page.get_full_url()
        if url:
            urls.append(url)
    return urls


def warm_urls(urls):
    """Render each URL as a reader would; never raise (a publish must not fail for this)."""
    # The reader's request activates its own language; the caller's (an editor's) comes back.
    with translation.override(translation.get_language()):
        for url in urls:
            try:
                response = handler().get_response(reader_request(url))
            except Exception:
                logger.exception("Warming %s failed", url)
                continue
            # Not response.close(): that sends request_finished, which closes the database
            # connection of the request (an editor's publish) this runs inside.

            # A private page answers with a redirect to the login; a refused host is a mistake.
            if response.status_code >= 400:
                logger.warning("Warming %s answered %s", url, response.status_code)
            elif response.status_code != 200:
                logger.info("Warming %s answered %s", url, response.status_code)


def warm_page(page):
    """Render a just-published page in each language.

    Only the page: the lists above it (news index, home) at 10,000 articles would add about a
    second to the editor's publish, and their first reader pays far less than that once.
    """
    warm_urls(page_urls(page))
