"""Chinese-aware search: segmented index text, segmented queries, the public search page.

Wagtail's database backends split text on spaces and punctuation only, so a Chinese sentence is one
"word" and "干细胞" never matches inside it. Articles therefore index their text with rjieba's words
separated by spaces (`search_text_zh_hans`), and every query string is segmented the same way by
the backend wrapper below. Set WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] to "articles.search";
its optional "WRAPPED_BACKEND" names the real backend (default: Wagtail's database backend), so a
production site can wrap Elasticsearch/OpenSearch the same way.
"""

import functools
import html
import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe
from wagtail.search.index import AutocompleteField, SearchField

MAX_QUERY_TERMS = 24
PER_PAGE = 10
SNIPPET_LENGTH = 160
WORD = re.compile(r"\w", re.UNICODE)
DEFAULT_WRAPPED_BACKEND = "wagtail.search.backends.database.SearchBackend"


@functools.cache
def segmenter():
    """rjieba, imported on first use and kept for the life of the process."""
    import rjieba  # noqa: PLC0415 (loaded lazily, once)

    return rjieba


def words(text, *, fine=True):
    """The words of `text` (Chinese segmented; `fine` adds the shorter words inside long ones)."""
    cut = segmenter().cut_for_search if fine else segmenter().cut
    return [token.strip() for token in cut(text or "") if WORD.search(token)]


def segmented(text):
    """`text` as space-separated words, for an index that splits on spaces."""
    return " ".join(words(text))


def query_terms(query):
    """The distinct words of a reader's query, at most MAX_QUERY_TERMS of them."""
    terms = dict.fromkeys(word.lower() for word in words(query[:2000], fine=False))
    return list(terms)[:MAX_QUERY_TERMS]


def segment_query(query):
    """A query string the index understands: its words separated by spaces."""
    return " ".join(query_terms(query)) if isinstance(query, str) else query


class SegmentedSearchMixin:
    """Index an article's title, summary and body text as segmented words per language."""

    search_fields = [
        SearchField("search_text_zh_hans", boost=1),
        SearchField("search_text_en", boost=1),
        AutocompleteField("search_text_zh_hans"),
        AutocompleteField("search_text_en"),
    ]

    def body_text(self, language):
        """Every text inside the body blocks in `language`, one per line."""
        suffix = language.replace("-", "_")
        body_field = self._meta.get_field(f"body_{suffix}")
        return "\n".join(body_field.get_searchable_content(getattr(self, f"body_{suffix}")))

    def plain_text(self, language):
        """Title, summary and body text in `language`, one per line."""
        suffix = language.replace("-", "_")
        parts = [getattr(self, f"title_{suffix}"), getattr(self, f"summary_{suffix}")]
        return "\n".join(part for part in [*parts, self.body_text(language)] if part)

    def search_text_zh_hans(self):
        """Segmented Chinese text for the search index."""
        return segmented(self.plain_text("zh-hans"))

    def search_text_en(self):
        """Segmented English text for the search index."""
        return segmented(self.plain_text("en"))


class SegmentingBackendMixin:
    """Segment query strings before the wrapped backend sees them."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(segment_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(segment_query(query), model_or_queryset, *args, **kwargs)


@functools.cache
def segmenting_class(backend_class):
    """`backend_class` with query segmentation in front of it."""
    name = f"Segmenting{backend_class.__name__}"
    return type(name, (SegmentingBackendMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for)
    """Build the wrapped backend and make it segment queries."""
    params = dict(params)
    factory = import_string(params.pop("WRAPPED_BACKEND", DEFAULT_WRAPPED_BACKEND))
    backend = factory(params)
    backend.__class__ = segmenting_class(type(backend))
    return backend


# The public search page


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

    def __init__(self, article, terms, language, request):
        self.url = article.get_url(request=request)
        self.date = article.date
        self.title_html = highlight(article.title, terms)
        sources = [article.summary or "", article.body_text(language)]
        source = max(sources, key=lambda text: sum(term in text.lower() for term in terms))
        self.snippet_html = highlight(snippet(source, terms), terms)


def find_articles(query, language):
    """Live public articles readable in `language` matching all words of `query`, best first.

    Falls back to any word when no article has them all.
    """
    from articles.models import ArticlePage  # noqa: PLC0415 (models import this module)

    terms = query_terms(query)
    if not terms:
        return [], []
    articles = ArticlePage.objects.in_language(language).live().public()
    text = " ".join(terms)
    results = articles.search(text, operator="and")
    if len(terms) > 1 and not results.count():
        results = articles.search(text, operator="or")
    return results, terms


def page_of(request, items, per_page=PER_PAGE):
    """The requested page of `items`; a bad or out-of-range ?page gives the first or last."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def search_page(request):
    """Context for the search results template."""
    from articles.routing import current_language  # noqa: PLC0415 (routing imports models)

    query = request.GET.get("q", "").strip()
    language = current_language()
    results, terms = find_articles(query, language)
    page = page_of(request, results)
    hits = [SearchHit(article, terms, language, request) for article in page.object_list]
    return {"query": query, "results": page, "hits": hits, "searched": bool(terms)}
