"""RSS 2.0 and Atom feeds of the newest articles in the requested language, or of a topic."""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from articles.models import ArticlePage, NewsIndexPage
from articles.topics import Topic
from common.pagination import published_slice
from publisher.models import SiteSettings


@dataclass(frozen=True)
class FeedSource:
    """What one feed request is about: its site, the request (never kept on the shared feed) and
    the topic of a topic's feed."""

    site: Site | None
    request: HttpRequest
    topic: Topic | None = None

    @property
    def site_name(self):
        return SiteSettings.for_site(self.site).site_name if self.site else ""


class ArticlesFeed(Feed):
    """RSS 2.0: the 20 newest live articles in the current language, full title and summary."""

    limit = 20

    def get_object(self, request, kind=None, slug=None):
        site = Site.find_for_request(request)
        if kind is None:
            return FeedSource(site, request)
        index = NewsIndexPage.objects.live().public()
        index = (index.descendant_of(site.root_page) if site else index).first()
        if index is None:
            raise Http404
        return FeedSource(site, request, index.topic(kind, slug))

    def title(self, source):
        if source.topic is None:
            return source.site_name
        return f"{source.topic.title} · {source.site_name}"

    def description(self, source):
        if source.topic is None:
            return _("The latest stem-cell and clinical news.")
        return source.topic.description(source.site_name)

    def author_name(self, source):
        # Atom requires an author for every entry; the publisher covers entries without a source.
        return source.site_name

    def link(self, source):
        if source.topic is not None:
            return source.topic.get_url(request=source.request)
        if source.site is None:
            return "/"
        return source.site.root_page.specific.get_url(request=source.request)

    def items(self, source):
        if source.topic is not None:
            return published_slice(source.topic.articles(), 0, self.limit)
        articles = ArticlePage.objects.in_language().live().public()
        if source.site:
            articles = articles.descendant_of(source.site.root_page)
        return published_slice(articles.order_by("-date", "-pk"), 0, self.limit)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS readers render <description> as HTML: the summary is plain text, so it is escaped.
        return escape(item.summary)

    def item_author_name(self, item):
        return item.source or None

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        if item.date is None:
            return item.first_published_at
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8)))

    def item_updateddate(self, item):
        return item.last_published_at


class PlainTextSummaryAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are declared plain text (Django declares every summary HTML)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("summary_text"):
            handler.addQuickElement("summary", item["summary_text"], {"type": "text"})


class AtomArticlesFeed(ArticlesFeed):
    """The same articles as an Atom feed."""

    feed_type = PlainTextSummaryAtom1Feed

    def subtitle(self, source):
        return self.description(source)

    def item_description(self, item):
        return None

    def item_extra_kwargs(self, item):
        return {"summary_text": item.summary}
