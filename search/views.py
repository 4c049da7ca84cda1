"""The public search page: highlighted titles and snippets, paginated, in the current language."""

import html
import re

from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views import View

from common.pagination import paginate
from search.backend import query_terms
from translations.languages import current_language

PER_PAGE = 10
SNIPPET_LENGTH = 160


def highlight(text, terms):
    """`text` HTML-escaped with every occurrence of `terms` wrapped in <mark>."""
    escaped = html.escape(text or "")
    if not terms:
        return mark_safe(escaped)  # noqa: S308 (escaped above)
    longest_first = sorted(terms, key=len, reverse=True)
    pattern = "|".join(re.escape(html.escape(term)) for term in longest_first)
    marked = re.sub(f"({pattern})", r"<mark>\1</mark>", escaped, flags=re.IGNORECASE)
    return mark_safe(marked)  # noqa: S308 (escaped above, only <mark> added)


def snippet(text, terms, length=SNIPPET_LENGTH):
    """The part of `text` around the first matching term, at most `length` characters."""
    text = " ".join((text or "").split())
    lowered = text.lower()
    positions = [lowered.find(term) for term in terms if term in lowered]
    start = max(0, min(positions, default=0) - length // 4)
    excerpt = text[start : start + length]
    prefix = "…" if start else ""
    suffix = "…" if start + length < len(text) else ""
    return f"{prefix}{excerpt}{suffix}"


class SearchHit:
    """One search result as the template shows it: highlighted title and snippet, link, date."""

    def __init__(self, page, terms, language, request):
        self.url = page.get_url(request=request)
        self.date = page.search_result_date
        self.title_html = highlight(page.title, terms)
        sources = [page.search_result_summary or "", page.body_text(language)]
        source = max(sources, key=lambda text: sum(term in text.lower() for term in terms))
        self.snippet_html = highlight(snippet(source, terms), terms)


def find_pages(model, query, language):
    """Pages of `model` readable in `language` matching all words of `query`, best first.

    Falls back to any word when no page has them all.
    """
    terms = query_terms(query)
    if not terms:
        return [], []
    pages = model.searchable(language)
    text = " ".join(terms)
    results = pages.search(text, operator="and")
    if len(terms) > 1 and not results.count():
        results = pages.search(text, operator="or")
    return results, terms


class SearchView(View):
    """The search page over one page model (given in the URLconf) in the current language."""

    model = None
    template_name = "pages/search_results.html"

    def get(self, request):
        query = request.GET.get("q", "").strip()
        language = current_language()
        results, terms = find_pages(self.model, query, language)
        page = paginate(request, results, PER_PAGE)
        hits = [SearchHit(result, terms, language, request) for result in page.object_list]
        context = {"query": query, "results": page, "hits": hits, "searched": bool(terms)}
        return render(request, self.template_name, context)
