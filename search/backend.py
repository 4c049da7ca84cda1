"""Chinese-aware search backend: segmented index text and segmented queries.

Wagtail's database backends split text on spaces and punctuation only, so a Chinese sentence is one
"word" and "干细胞" never matches inside it. Articles therefore index their text with rjieba's words
separated by spaces (`search_text_zh_hans`), and every query string is segmented the same way by
the backend wrapper below. Set WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] to "search.backend";
its optional "WRAPPED_BACKEND" names the real backend (default: Wagtail's database backend), so a
production site can wrap Elasticsearch/OpenSearch the same way.
"""

import functools
import re

from django.utils.module_loading import import_string
from wagtail.search.index import AutocompleteField, SearchField

MAX_QUERY_TERMS = 24
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
    """Index a page's title, summary and body text as segmented words per language."""

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

    @property
    def search_result_date(self):
        """The date a search result shows."""
        return self.first_published_at

    @property
    def search_result_summary(self):
        """The text a search result's snippet is taken from first."""
        return self.search_description

    @classmethod
    def searchable(cls, language):
        """The pages readers may find in `language`."""
        return cls.objects.in_language(language).live().public()


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
