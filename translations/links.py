"""Links between the languages of a page: the switcher, canonical and hreflang alternates."""

from django.conf import settings
from django.utils import translation

from translations.languages import DEFAULT_LANGUAGE, LANGUAGES, current_language, hreflang
from translations.models import is_available_in


class LanguageLink:
    """One language of the page being viewed: where it is and whether it exists."""

    def __init__(self, code, name, url, *, current):
        self.code = code
        self.name = name
        self.url = url
        self.current = current
        self.available = url is not None
        self.hreflang = hreflang(code)


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


def language_links(request, page=None, language_urls=None):
    """A LanguageLink per site language for `page` (or the current non-page path).

    `language_urls` (language → path, or None where it does not exist) names them instead, for
    what a page shows at an address of its own, such as a news index's category page.
    """
    active = current_language()
    links = []
    for code, name in settings.LANGUAGES:
        if language_urls is not None:
            url = language_urls.get(code)
        elif page is not None:
            url = page_url_in(page, code, request)
        else:
            url = swapped_prefix(request.get_full_path(), code)
        links.append(LanguageLink(code, name, url, current=code == active))
    return links


def alternates(request, page=None, language_urls=None):
    """Absolute URLs for rel=canonical and, when every language exists, the hreflang alternates."""
    links = language_links(request, page, language_urls)
    for link in links:
        link.absolute_url = request.build_absolute_uri(link.url) if link.available else None
    current = next(link for link in links if link.current)
    default = next(link for link in links if link.code == DEFAULT_LANGUAGE)
    complete = all(link.available for link in links)
    return {
        "canonical": current.absolute_url or default.absolute_url,
        "alternates": links if complete else [],
        "x_default": default.absolute_url if complete else None,
    }
