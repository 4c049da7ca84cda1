"""RSS 2.0 and Atom feeds of the newest articles readable in the requested language."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from articles.models import ArticlePage
from cms.models import SiteSettings


class ArticlesFeed(Feed):
    """RSS 2.0: the 20 newest live articles in the current language, full title and summary."""

    limit = 20
    description = _("The latest stem-cell and clinical news.")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Site.find_for_request(request)

    def title(self, site):
        return SiteSettings.for_site(site).site_name if site else ""

    def link(self, site):
        return site.root_page.specific.get_url(request=self.request) if site else "/"

    def items(self, site):
        articles = ArticlePage.objects.in_language().live().public()
        if site:
            articles = articles.descendant_of(site.root_page)
        return articles.order_by("-date", "-pk")[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        if item.date is None:
            return item.first_published_at
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8)))

    def item_updateddate(self, item):
        return item.last_published_at


class AtomArticlesFeed(ArticlesFeed):
    """The same articles as an Atom feed."""

    feed_type = Atom1Feed

    def subtitle(self, site):
        return self.description
