"""Addresses of the public trial pages (articles.trial_pages), for cards, switchers and purges."""

from django.urls import reverse
from django.utils import translation

from translations.languages import LANGUAGES


def trial_url(trial, language):
    """The trial page's path in `language`, or None when the trial is not shown in it."""
    if not trial.is_shown_in(language):
        return None
    with translation.override(language):
        return reverse("trial_page", args=[trial.url_key])


def trial_urls(trial):
    """{language: path or None}: the trial page in each language, for the switcher and hreflang."""
    return {language: trial_url(trial, language) for language in LANGUAGES}


def index_urls():
    """{language: path} of the trial index."""
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            urls[language] = reverse("trial_index")
    return urls
