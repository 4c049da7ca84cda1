"""Claims check: wording that medical-advertising rules forbid or that overstates the evidence."""

import re
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils.text import Truncator

# A sentence ends at Chinese or Western end punctuation, or at a line break.
SENTENCE_END_RE = re.compile(r"(?<=[。！？；!?;])|(?<=\.)\s+|\n+")
SENTENCE_CHARS = 120


@dataclass(frozen=True)
class Claim:
    """One questionable term found in an article: the language, where, and the sentence."""

    term: str
    language: str
    place: str
    sentence: str


@cache
def claim_pattern(terms):
    """One regular expression matching any of `terms`; Latin-script terms only as whole words."""
    alternatives = []
    for term in sorted(terms, key=len, reverse=True):
        escaped = re.escape(term)
        if term.isascii():
            escaped = rf"(?<![\w-]){escaped}(?![\w-])"
        alternatives.append(escaped)
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def sentences(text):
    """The sentences of `text`, stripped, empty ones left out."""
    return [part.strip() for part in SENTENCE_END_RE.split(text) if part and part.strip()]


def find_claims(text, language, place):
    """A Claim for each questionable term of `language` in `text`, with its sentence."""
    pattern = claim_pattern(tuple(settings.ARTICLE_CLAIM_WARNINGS.get(language, ())))
    if pattern is None or not text:
        return []
    return [
        Claim(match.group(0), language, place, Truncator(sentence).chars(SENTENCE_CHARS))
        for sentence in sentences(str(text))
        for match in pattern.finditer(sentence)
    ]


def stream_text(block, value):
    """The plain text of one StreamField block's value, as the search index sees it."""
    return "\n".join(str(part) for part in block.get_searchable_content(value))
