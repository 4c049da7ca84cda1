"""Chinese-aware, English-stemming search backend: the same words in the index and in queries.

Wagtail's database backends split text on spaces and punctuation only, so a Chinese sentence is one
"word" and "干细胞" never matches inside it; and they match English words exactly, so "exosome"
misses "exosomes". Articles therefore index their text as rjieba's words separated by spaces,
each Latin word replaced by its Snowball (Porter2) English stem (`search_text_zh_hans`,
`search_text_en`), and the backend wrapper below turns every query into words the same way before
the real backend sees it. Autocomplete (the admin's page search) matches prefixes of the unstemmed
words instead, since a stem is not a prefix of every form: the index holds "hippocamp", and a
typed "hippocampa" stems to itself.

Set WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] to "search.backend"; its optional
"WRAPPED_BACKEND" names the real backend (default: Wagtail's database backend), so a production
site can wrap Elasticsearch/OpenSearch the same way. On PostgreSQL use SEARCH_CONFIG "simple": the
stems are made here, the same on SQLite and PostgreSQL.
"""

import functools
import re
import threading

import snowballstemmer
from django.utils.module_loading import import_string
from wagtail.search.index import AutocompleteField, SearchField

MAX_QUERY_TERMS = 24
MAX_QUERY_LENGTH = 2000
WORD = re.compile(r"\w", re.UNICODE)
# Only words of Latin letters are English-stemmed; Chinese words, numbers and ids stay as they are.
LATIN_WORD = re.compile(r"[a-z]+")
DEFAULT_WRAPPED_BACKEND = "wagtail.search.backends.database.SearchBackend"

# Snowball stemmers keep the word being stemmed on the instance: one per thread.
_stemmers = threading.local()


@functools.cache
def segmenter():
    """rjieba, imported on first use and kept for the life of the process."""
    import rjieba  # noqa: PLC0415 (loaded lazily, once)

    return rjieba


def english_stemmer():
    """This thread's Snowball English stemmer."""
    if not hasattr(_stemmers, "english"):
        _stemmers.english = snowballstemmer.stemmer("english")
    return _stemmers.english


@functools.lru_cache(maxsize=50_000)
def stem(word):
    """The index form of a word: lowercased, and English-stemmed when it is of Latin letters."""
    word = word.lower()
    return english_stemmer().stemWord(word) if LATIN_WORD.fullmatch(word) else word


def words(text, *, fine=True):
    """The words of `text` (Chinese segmented; `fine` adds the shorter words inside long ones)."""
    cut = segmenter().cut_for_search if fine else segmenter().cut
    return [token.strip() for token in cut(text or "") if WORD.search(token)]


def segmented(text):
    """`text` as space-separated words, for an index that splits on spaces (autocomplete)."""
    return " ".join(words(text))


def stemmed(text):
    """`text` as space-separated stems, for the full-text index."""
    return " ".join(stem(word) for word in words(text))


def query_terms(query):
    """The distinct lowercased words of a reader's query, at most MAX_QUERY_TERMS of them."""
    if not isinstance(query, str):
        return []
    terms = dict.fromkeys(word.lower() for word in words(query[:MAX_QUERY_LENGTH], fine=False))
    return list(terms)[:MAX_QUERY_TERMS]


def segment_query(query):
    """An autocomplete query the index understands: its words separated by spaces."""
    return " ".join(query_terms(query)) if isinstance(query, str) else query


def stem_query(query):
    """A full-text query the index understands: the distinct stems of its words."""
    if not isinstance(query, str):
        return query
    return " ".join(dict.fromkeys(stem(term) for term in query_terms(query)))


class SegmentedSearchMixin:
    """Index a page's title, summary and body text as stemmed and as plain words per language."""

    search_fields = [
        SearchField("search_text_zh_hans", boost=1),
        SearchField("search_text_en", boost=1),
        AutocompleteField("autocomplete_text_zh_hans"),
        AutocompleteField("autocomplete_text_en"),
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
        """Segmented, stemmed Chinese text for the full-text index."""
        return stemmed(self.plain_text("zh-hans"))

    def search_text_en(self):
        """Segmented, stemmed English text for the full-text index."""
        return stemmed(self.plain_text("en"))

    def autocomplete_text_zh_hans(self):
        """Segmented Chinese text for prefix matching."""
        return segmented(self.plain_text("zh-hans"))

    def autocomplete_text_en(self):
        """Segmented English text for prefix matching."""
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

    @classmethod
    def latest(cls, language, count):
        """The newest `count` findable pages, suggested when a search finds nothing."""
        return cls.searchable(language).order_by("-first_published_at", "-pk")[:count]

    @classmethod
    def topics(cls, language, request):
        """(name, URL) of the topics to browse, suggested when a search finds nothing."""
        return []


def indexes_stems(model_or_queryset):
    """Whether the searched model's index holds stemmed text (SegmentedSearchMixin)."""
    model = getattr(model_or_queryset, "model", model_or_queryset)
    return isinstance(model, type) and issubclass(model, SegmentedSearchMixin)


class SegmentingBackendMixin:
    """Turn query strings into the index's words before the wrapped backend sees them."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        prepare = stem_query if indexes_stems(model_or_queryset) else segment_query
        return super().search(prepare(query), model_or_queryset, *args, **kwargs)

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
