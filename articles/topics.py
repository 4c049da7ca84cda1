"""Topic pages: a news index's articles in one category or with one tag, at their own URLs."""

from dataclasses import dataclass

from django.db.models import Model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from translations.languages import LANGUAGES

CATEGORY = "category"
TAG = "tag"


@dataclass(frozen=True)
class Topic:
    """A category or a tag of a news index: what its page lists and where readers find it."""

    kind: str
    subject: Model
    index: Model
    # The languages with an article of the topic, when already known (the sitemap's).
    languages: tuple = ()
    # The sitemap's <lastmod>: when its newest article was last published, when known.
    last_published_at: object = None

    @property
    def name(self):
        """The name in the active language (a category's falls back to Chinese, a tag's not)."""
        if self.kind == CATEGORY:
            return self.subject.name
        return self.subject.reader_name

    @property
    def slug(self):
        return self.subject.slug

    @property
    def title(self):
        """The page's heading and <title>, in the active language."""
        if self.kind == CATEGORY:
            return gettext("Category: %(name)s") % {"name": self.name}
        return gettext("Tag: %(name)s") % {"name": self.name}

    def description(self, site_name):
        """The page's meta description, in the active language."""
        return gettext("The latest %(site)s articles on %(topic)s, newest first.") % {
            "site": site_name,
            "topic": self.name,
        }

    def articles(self):
        """The live, public articles of the topic readable in the active language, newest first."""
        return self.index.articles(**{self.kind: self.subject})

    def is_available_in(self, language):
        """A category page exists in every language; a tag's where it has a name and an article."""
        if self.languages:
            return language in self.languages
        if self.kind == CATEGORY:
            return True
        if not self.subject.name_in(language):
            return False
        with translation.override(language):
            return self.articles().exists()

    def get_url(self, request=None):
        """The topic page's path in the active language (None when the index has no URL)."""
        index_url = self.index.get_url(request=request)
        if index_url is None:
            return None
        return index_url + self.index.topic_path(self.kind, self.slug)

    def language_urls(self, request, page_number=1):
        """The page's path in each language (None where it does not exist), for hreflang."""
        query = f"?page={page_number}" if page_number > 1 else ""
        urls = {}
        for language in LANGUAGES:
            with translation.override(language):
                url = self.get_url(request) if self.is_available_in(language) else None
            urls[language] = f"{url}{query}" if url else None
        return urls

    def feed_urls(self):
        """(RSS, Atom) paths of the topic's feed in the active language."""
        kwargs = {"kind": self.kind, "slug": self.slug}
        return reverse("topic_feed_rss", kwargs=kwargs), reverse("topic_feed_atom", kwargs=kwargs)
