"""The public search page: highlighted titles and snippets, paginated, in the current language."""

import re

from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views import View

from common.pagination import paginate
from search.backend import LATIN_WORD, query_terms, stem
from translations.languages import current_language

PER_PAGE = 10
SNIPPET_LENGTH = 160
# The header's and the page's search fields take this many characters; a longer ?q= is cut.
MAX_QUERY_CHARS = 200
SUGGESTED_ARTICLES = 3
LATIN_LETTERS = re.compile(r"[A-Za-z]+")


class TermMatcher:
    """Finds a query's words in text: English words by their stem, others as written."""

    def __init__(self, terms):
        self.stems = {stem(term) for term in terms if LATIN_WORD.fullmatch(term)}
        literals = sorted((term for term in terms if not LATIN_WORD.fullmatch(term)), key=len)
        alternatives = [re.escape(term) for term in reversed(literals)]
        if self.stems:
            alternatives.append(LATIN_LETTERS.pattern)
        self.pattern = re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None

    def spans(self, text):
        """(start, end) of every matching word in `text`, in order, never overlapping."""
        if self.pattern is None:
            return []
        return [
            match.span()
            for match in self.pattern.finditer(text)
            if not LATIN_LETTERS.fullmatch(match.group()) or stem(match.group()) in self.stems
        ]

    def count(self, text):
        """How many different words of the query `text` contains."""
        return len({stem(text[start:end]) for start, end in self.spans(text)})

    def highlight(self, text):
        """`text` HTML-escaped, every matching word wrapped in <mark>."""
        text = text or ""
        parts, position = [], 0
        for start, end in self.spans(text):
            parts += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
            position = end
        parts.append(escape(text[position:]))
        return mark_safe("".join(parts))  # noqa: S308 (every piece of text escaped above)

    def snippet(self, text, length=SNIPPET_LENGTH):
        """The part of `text` around its first matching word, at most `length` characters."""
        text = " ".join((text or "").split())
        spans = self.spans(text)
        start = max(0, spans[0][0] - length // 4) if spans else 0
        if start:
            # Begin at a word when one starts close by, rather than inside a word.
            space = text.find(" ", start, spans[0][0])
            start = space + 1 if space != -1 else start
        excerpt = text[start : start + length]
        prefix = "…" if start else ""
        suffix = "…" if start + length < len(text) else ""
        return f"{prefix}{excerpt}{suffix}"


class SearchHit:
    """One search result as the template shows it: highlighted title and snippet, link, date."""

    def __init__(self, page, matcher, language, request):
        self.page = page
        self.url = page.get_url(request=request)
        self.date = page.search_result_date
        self.title_html = matcher.highlight(page.title)
        sources = [page.search_result_summary or "", page.body_text(language)]
        source = max(sources, key=matcher.count)
        self.snippet_html = matcher.highlight(matcher.snippet(source))


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
        query = request.GET.get("q", "")[:MAX_QUERY_CHARS].strip()
        language = current_language()
        results, terms = find_pages(self.model, query, language)
        page = paginate(request, results, PER_PAGE)
        matcher = TermMatcher(terms)
        hits = [SearchHit(result, matcher, language, request) for result in page.object_list]
        context = {"query": query, "results": page, "hits": hits, "searched": bool(terms)}
        if not hits:
            context["latest"] = self.model.latest(language, SUGGESTED_ARTICLES)
            context["topics"] = self.model.topics(language, request)
        return render(request, self.template_name, context)
