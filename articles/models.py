"""News pages: the index that lists articles and the article itself."""

import calendar
import math
import re
from functools import partial
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Subquery, When
from django.db.models.functions import Cast
from django.http import Http404, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PageViewRestriction, ReferenceIndex, Site
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from articles.blocks import ArticleBodyBlock
from articles.claims import find_claims, stream_text
from articles.forms import ArticlePageForm, ArticleTagForm
from articles.serializers import (
    CategorySerializer,
    DisclaimerField,
    RenditionField,
    TagNamesField,
)
from articles.topics import CATEGORY, TAG, Topic
from common import render_cache
from common.admin_forms import StaleEditCheckedModelForm
from common.choosers import ReadableImageChooser, ReadableSnippetChooser
from common.pagination import PublishedListPaginator, paginate, published_slice
from publisher.models import SiteSettings
from registry.models import ClinicalTrial, Publication
from search.backend import SegmentedSearchMixin
from seo.breadcrumbs import Crumb, page_crumbs
from seo.jsonld import json_ld_script
from seo.meta import social_meta, website_social_meta
from seo.sharing import ShareLinks
from translations.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    current_language,
    hreflang,
    language_names,
    suffix,
)
from translations.links import alternates
from translations.models import (
    RoutableTranslatedPage,
    TranslatedPage,
    TranslatedQuerySet,
    TranslationState,
)
from translations.panels import (
    SourceTextPanel,
    TranslationStatePanel,
    TranslationTab,
    side_by_side,
)

# Filter values from the query string must look like slugs (taggit's may be Chinese).
SLUG_RE = re.compile(r"^[-\w]{1,100}$")
SHARE_IMAGE_SPEC = "fill-1200x630"
# Reading speeds: Chinese characters, English words a minute.
READING_RATES = {"zh-hans": 400, "en": 200}
# A Chinese character counts alone; any other run of letters or digits counts as one.
CHARACTER_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\s\u3400-\u9fff\uf900-\ufaff]+")
# A medical review holds for this long; then the article is due for another.
REVIEW_INTERVAL_MONTHS = 12


def months_after(day, months):
    """The same day `months` later, or that month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@register_snippet
class Disclaimer(models.Model):
    """A named medical disclaimer variant that articles may choose instead of the site default."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    text = models.TextField(_("text"))

    panels = [FieldPanel("name"), FieldPanel("text")]
    base_form_class = StaleEditCheckedModelForm

    class Meta:
        verbose_name = _("medical disclaimer")
        verbose_name_plural = _("medical disclaimers")

    def __str__(self):
        return self.name


@register_snippet
class MedicalReviewer(models.Model):
    """A qualified person who checks articles before they are published, named under the title."""

    name = models.CharField(_("name"), max_length=100)
    title = models.CharField(
        _("professional title"), max_length=100, blank=True, help_text=_("For example 主任医师.")
    )
    qualification = models.CharField(
        _("qualification"), max_length=200, blank=True, help_text=_("Degrees and licences.")
    )
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("admin user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="medical_reviewer",
        help_text=_(
            "The reviewer's admin account: approving the medical review task with it records "
            "this reviewer on the article."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("qualification"),
        FieldPanel("institution"),
        FieldPanel("user"),
    ]

    class Meta:
        verbose_name = _("medical reviewer")
        verbose_name_plural = _("medical reviewers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def credit(self):
        """The name and professional title as readers see them, in the active language."""
        if not self.title:
            return self.name
        return pgettext("between a name and a title", "%(name)s, %(title)s") % {
            "name": self.name,
            "title": self.title,
        }


@register_snippet
class Category(models.Model):
    """A news category used to group and filter articles."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), unique=True, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    base_form_class = StaleEditCheckedModelForm

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


def review_due(day=None):
    """Articles never medically reviewed, or whose next review is due before `day` (today)."""
    return Q(next_review_due__isnull=True) | Q(next_review_due__lt=day or timezone.localdate())


class ArticleTag(TagBase):
    """A tag of articles, named in each language; its page exists only where it has a name."""

    name = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        help_text=_("Without an English name the tag is not shown on English pages."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        allow_unicode=True,
        help_text=_("The end of the tag page's address: letters, digits, hyphens or underscores."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    base_form_class = ArticleTagForm

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def save(self, *args, **kwargs):
        # The plain name column (unique, as taggit's) holds the Chinese name whoever saves.
        with translation.override(DEFAULT_LANGUAGE):
            return super().save(*args, **kwargs)

    def name_in(self, language):
        """The name in `language`, without falling back to another language ("" when none)."""
        return getattr(self, f"name_{suffix(language)}") or ""

    @property
    def reader_name(self):
        """The name readers of the active language see ("" hides the tag from them)."""
        return self.name_in(current_language())


class _ArticleTagsManager(_ClusterTaggableManager):
    """An article's tags, looked up by their Chinese or English name whatever the admin language."""

    def _to_tag_model_instances(self, tags, tag_kwargs):
        names = [tag for tag in tags if isinstance(tag, str)]
        known = {}
        if names:
            found = ArticleTag.objects.filter(Q(name_zh_hans__in=names) | Q(name_en__in=names))
            for tag in found:
                known.setdefault(tag.name_en, tag)
            # A Chinese name wins over another tag's identical English name.
            known.update({tag.name_zh_hans: tag for tag in found})
        resolved = [known.get(tag, tag) if isinstance(tag, str) else tag for tag in tags]
        # New tags get the typed name as their Chinese name.
        with translation.override(DEFAULT_LANGUAGE):
            return super()._to_tag_model_instances(resolved, tag_kwargs)


class ArticleTagsField(ClusterTaggableManager):
    """ClusterTaggableManager whose tag names resolve in both languages (_ArticleTagsManager)."""

    def __get__(self, instance, model):
        return _ArticleTagsManager(
            through=self.through, model=model, instance=instance, prefetch_cache_name=self.name
        )


class ArticlePageTag(TaggedItemBase):
    """Through model linking tags to articles."""

    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )
    tag = models.ForeignKey(ArticleTag, related_name="tagged_articles", on_delete=models.CASCADE)


class NewsIndexPage(RoutableTranslatedPage):
    """Lists the live articles of the current language, newest first, paginated; and by topic."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    per_page = 10

    content_panels = side_by_side(*Page.content_panels, "intro")

    template = "pages/news_index_page.html"
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def articles(self, category=None, tag=None):
        """Live, public articles under this index in the active language, newest first."""
        articles = (
            ArticlePage.objects.in_language()
            .live()
            .public()
            .child_of(self)
            .select_related("lead_image", "category")
            .prefetch_related("lead_image__renditions", "tags")
            .order_by("-date", "-pk")
        )
        if category is not None:
            articles = articles.filter(category=category)
        if tag is not None:
            articles = articles.filter(tags=tag)
        return articles

    @path("")
    def index_route(self, request, *args, **kwargs):
        """Every article; the old ?category= and ?tag= filters have moved to topic pages."""
        for kind in (CATEGORY, TAG):
            if slug := request.GET.get(kind):
                return self.topic_redirect(request, self.topic(kind, slug))
        return super().index_route(request, *args, **kwargs)

    @staticmethod
    def topic_redirect(request, topic):
        """A permanent redirect to `topic`'s page, on the page of the list the reader asked for."""
        url = topic.get_url(request)
        if page := request.GET.get("page"):
            url += "?" + urlencode({"page": page})
        return HttpResponsePermanentRedirect(url)

    @classmethod
    def topic_path(cls, kind, slug):
        """The path of a topic page below the index's own, e.g. category/trials/."""
        return cls.get_resolver().reverse(kind, slug=slug)

    def sitemap_entries(self, lastmod=True):
        """A Topic for each category and tag of a live article here, in the languages it has one.

        Two queries, however many topics; without `lastmod` (the sitemap index only counts them)
        they skip finding each topic's newest article.
        """
        articles = ArticlePage.objects.live().public().child_of(self)
        entries = []
        for kind, model, link in ((CATEGORY, Category, "category"), (TAG, ArticleTag, "tags")):
            in_language = {
                code: Exists(articles.in_language(code).filter(**{link: OuterRef("pk")}))
                for code in LANGUAGES
            }
            newest = articles.filter(**{link: OuterRef("pk")}).order_by("-last_published_at")
            annotations = {f"in_{suffix(code)}": used for code, used in in_language.items()}
            if lastmod:
                annotations["newest"] = Subquery(newest.values("last_published_at")[:1])
            subjects = model.objects.annotate(**annotations).filter(
                **{f"in_{suffix(DEFAULT_LANGUAGE)}": True}
            )
            entries += [
                Topic(
                    kind,
                    subject,
                    self,
                    languages=tuple(
                        code
                        for code in LANGUAGES
                        if getattr(subject, f"in_{suffix(code)}")
                        and (kind == CATEGORY or subject.name_in(code))
                    ),
                    last_published_at=getattr(subject, "newest", None),
                )
                for subject in subjects.order_by("slug")
            ]
        return entries

    def topic(self, kind, slug):
        """The category or tag whose slug is `slug`, readable in the active language; else 404."""
        model = Category if kind == CATEGORY else ArticleTag
        subject = model.objects.filter(slug=slug).first() if SLUG_RE.match(slug) else None
        if subject is None:
            raise Http404
        topic = Topic(kind, subject, self)
        if not topic.is_available_in(translation.get_language()):
            raise Http404
        return topic

    @path("category/<slug:slug>/", name=CATEGORY)
    def category_page(self, request, slug):
        """The articles of one category."""
        return self.serve_topic(request, self.topic(CATEGORY, slug))

    # Tag slugs may be Chinese.
    @re_path(r"^tag/(?P<slug>[-\w]+)/$", name=TAG)
    def tag_page(self, request, slug):
        """The articles carrying one tag."""
        return self.serve_topic(request, self.topic(TAG, slug))

    def serve_topic(self, request, topic):
        """A topic's page: its articles paginated, with its own title, description and links."""
        site_settings = SiteSettings.for_request(request)
        site_name = site_settings.site_name if site_settings else ""
        articles = paginate(
            request, topic.articles(), self.per_page, paginator=PublishedListPaginator
        )
        language_urls = topic.language_urls(request, articles.number)
        url = request.build_absolute_uri(language_urls[translation.get_language()])
        opengraph, twitter = website_social_meta(
            request,
            site_settings,
            title=topic.title,
            description=topic.description(site_name),
            url=url,
        )
        rss, atom = topic.feed_urls()
        crumbs = [*page_crumbs(request, self), Crumb(topic.name, topic.get_url(request))]
        # The index's own context would list (and filter by ?category=) every article.
        context = Page.get_context(self, request) | {
            "topic": topic,
            "articles": articles,
            "language_urls": language_urls,
            "opengraph_meta": opengraph,
            "twitter_meta": twitter,
            "feed_rss": rss,
            "feed_atom": atom,
            "breadcrumbs": crumbs,
        }
        return TemplateResponse(request, "pages/topic_page.html", context)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(
            request, self.articles(), self.per_page, paginator=PublishedListPaginator
        )
        return context


class ArticlePage(TranslationState, SegmentedSearchMixin, TranslatedPage):
    """A news article summarising studies and trials, always carrying a medical disclaimer."""

    date = models.DateField(
        _("publication date"),
        blank=True,
        null=True,
        help_text=_("Defaults to the day the article is first published."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in lists and feeds.")
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    tags = ArticleTagsField(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    lead_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(
        _("source or author"), max_length=200, blank=True, help_text=_("Who wrote or supplied it.")
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        MedicalReviewer,
        verbose_name=_("medically reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
    )
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("Set to 12 months after each medical review; bring it forward if needed."),
    )
    disclaimer = models.ForeignKey(
        Disclaimer,
        verbose_name=_("disclaimer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty to use the site's default disclaimer."),
    )
    disclaimer_text = models.TextField(
        _("disclaimer text"),
        blank=True,
        editable=False,
        help_text=_("The disclaimer this version of the article carried when it was saved."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("translated_en"),
        *SegmentedSearchMixin.search_fields,
    ]

    # Short fields sit side by side; each body is edited at full width in a tab of its own.
    content_panels = side_by_side(*Page.content_panels, "summary")
    chinese_body_panels = [FieldPanel("body_zh_hans")]
    english_body_panels = [
        TranslationStatePanel(heading=_("English version")),
        SourceTextPanel("body", "zh-hans", heading=_("Chinese body, for reference")),
        FieldPanel("body_en"),
    ]
    promote_panels = [
        MultiFieldPanel(
            side_by_side("slug", "seo_title", "search_description"),
            heading=_("For search engines"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("category", widget=ReadableSnippetChooser(Category)),
                FieldPanel("tags"),
                FieldPanel("lead_image", widget=ReadableImageChooser),
                FieldPanel("source"),
                FieldPanel("disclaimer", widget=ReadableSnippetChooser(Disclaimer)),
            ],
            heading=_("Article details"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("reviewed_by", read_only=True),
                        FieldPanel("last_reviewed", read_only=True),
                    ]
                ),
                FieldPanel("next_review_due"),
            ],
            heading=_("Medical review"),
            help_text=_("Recorded when a medical reviewer approves the article."),
        ),
        *Page.settings_panels,
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(chinese_body_panels, heading=_("Chinese body")),
            TranslationTab(english_body_panels, heading=_("English body")),
            ObjectList(promote_panels, heading=_("Promote")),
            ObjectList(settings_panels, heading=_("Settings")),
        ]
    )

    # The public API (cms.api): what readers see, in the requested language; never the editors.
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("body"),
        APIField("category", serializer=CategorySerializer()),
        APIField("tags", serializer=TagNamesField()),
        APIField("lead_image", serializer=RenditionField(SHARE_IMAGE_SPEC)),
        APIField("source"),
        APIField("last_reviewed"),
        APIField("review_statement"),
        APIField("disclaimer", serializer=DisclaimerField()),
        APIField(
            "languages",
            serializer=serializers.ListField(
                child=serializers.CharField(), source="published_languages"
            ),
        ),
    ]

    objects = PageManager.from_queryset(TranslatedQuerySet)()

    base_form_class = ArticlePageForm
    served_related = ("lead_image", "category", "reviewed_by", "disclaimer")
    template = "pages/article_page.html"
    parent_page_types = ["articles.NewsIndexPage"]
    subpage_types = []

    # Set by the admin form while an editor saves a draft, which need not be publishable yet.
    defer_publishing_checks = False
    # An article is translated into a language once these have text in it.
    translated_content = ("title", "summary", "body")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Lists and previous/next order by (date, id).
        indexes = [models.Index(fields=["date", "page_ptr"], name="articlepage_date_idx")]

    def _site_settings(self):
        site = self.get_site() if self.path else None
        site = site or Site.objects.filter(is_default_site=True).first()
        return SiteSettings.for_site(site) if site else None

    def resolve_disclaimer(self, language, site_settings=None):
        """The disclaimer text in `language`: the chosen variant's, else the site default's."""
        column = suffix(language)
        if self.disclaimer_id and getattr(self.disclaimer, f"text_{column}", ""):
            return getattr(self.disclaimer, f"text_{column}")
        site_settings = site_settings or self._site_settings()
        return getattr(site_settings, f"default_disclaimer_{column}", "") or ""

    def displayed_disclaimer(self, site_settings=None, language=None):
        """What the page shows: the current disclaimer, else the one it was published with."""
        language = language or translation.get_language()
        return (
            self.resolve_disclaimer(language, site_settings)
            or getattr(self, f"disclaimer_text_{suffix(language)}", "")
            or getattr(self, f"disclaimer_text_{suffix(settings.LANGUAGE_CODE)}", "")
        )

    def clean(self):
        super().clean()
        site_settings = self._site_settings()
        missing = []
        for code, _name in settings.LANGUAGES:
            text = self.resolve_disclaimer(code, site_settings)
            setattr(self, f"disclaimer_text_{suffix(code)}", text)
            if not text and code in self.published_languages():
                missing.append(code)
        if missing and self.live and not self.defer_publishing_checks:
            # Params are interpolated when the message is shown, in the editor's language.
            raise ValidationError(
                {
                    "disclaimer": ValidationError(
                        _(
                            "This article cannot be published without a medical disclaimer in "
                            "%(languages)s. Choose a disclaimer with text in that language or "
                            "fill in the site's default disclaimer."
                        ),
                        params={"languages": language_names(missing)},
                    )
                }
            )

    def record_review(self, reviewer, day=None):
        """Note that `reviewer` approved the article on `day`, in the page and its revisions."""
        day = day or timezone.localdate()
        self.reviewed_by = reviewer
        self.last_reviewed = day
        self.next_review_due = months_after(day, REVIEW_INTERVAL_MONTHS)
        fields = ["reviewed_by", "last_reviewed", "next_review_due"]
        self.save(update_fields=fields, clean=False)
        # The editor opens the latest revision: it must carry the review, or the next publish
        # would undo it.
        data = self.serializable_data()
        for revision in self.revisions.filter(
            pk__in=[self.latest_revision_id, self.live_revision_id]
        ):
            revision.content |= {name: data[name] for name in fields}
            revision.save(update_fields=["content"])

    @property
    def reading_minutes(self):
        """Minutes the body takes to read in the active language (at least 1)."""
        language = current_language()
        text = self.body_text(language)
        count = len(CHARACTER_RE.findall(text) if language == "zh-hans" else text.split())
        return max(1, math.ceil(count / READING_RATES[language]))

    @property
    def reading_time(self):
        """The reading time as the byline shows it."""
        minutes = self.reading_minutes
        return ngettext("%(minutes)d min read", "%(minutes)d min read", minutes) % {
            "minutes": minutes
        }

    @property
    def source_credit(self):
        """The byline's author or source ("Source: …"), or "" when none is named."""
        return gettext("Source: %(source)s") % {"source": self.source} if self.source else ""

    @property
    def review_statement(self):
        """The line under the title saying who reviewed the article and when, or ""."""
        if not self.last_reviewed:
            return ""
        day = format_date(self.last_reviewed, gettext("j F Y"))
        if not self.reviewed_by:
            return gettext("Last reviewed %(date)s") % {"date": day}
        return gettext("Medically reviewed by %(reviewer)s · %(date)s") % {
            "reviewer": self.reviewed_by.credit,
            "date": day,
        }

    def questionable_claims(self):
        """The claims check: each forbidden or overstated term in any language, and where it is."""
        found = []
        for language in LANGUAGES:
            column = suffix(language)
            found += find_claims(getattr(self, f"title_{column}"), language, _("title"))
            found += find_claims(getattr(self, f"summary_{column}"), language, _("summary"))
            for number, child in enumerate(getattr(self, f"body_{column}") or [], start=1):
                place = _("body block %(number)s (%(type)s)") % {
                    "number": number,
                    "type": child.block.label,
                }
                found += find_claims(stream_text(child.block, child.value), language, place)
        return found

    def save(self, *args, **kwargs):
        if self.live and self.date is None:
            self.date = timezone.localdate(self.first_published_at or timezone.now())
        if self.last_reviewed and self.next_review_due is None:
            self.next_review_due = months_after(self.last_reviewed, REVIEW_INTERVAL_MONTHS)
        return super().save(*args, **kwargs)

    def related(self, limit=3):
        """Up to `limit` other articles readers of this one may want next, in the active language.

        First those whose body cites a trial or publication this one's body cites, then those of
        the same category, then those sharing a tag; newest first within each. One query.
        """
        body = f"body_{suffix(current_language())}."
        page_type = ContentType.objects.get_for_model(Page)
        records = ContentType.objects.get_for_models(ClinicalTrial, Publication).values()
        citations = ReferenceIndex.objects.filter(
            base_content_type=page_type, to_content_type__in=records, model_path__startswith=body
        )
        cited_here = citations.filter(
            object_id=str(self.pk),
            to_content_type=OuterRef("to_content_type"),
            to_object_id=OuterRef("to_object_id"),
        )
        cites_same = citations.filter(object_id=Cast(OuterRef("pk"), models.CharField())).filter(
            Exists(cited_here)
        )
        tags = ArticlePageTag.objects.filter(content_object_id=self.pk).values("tag_id")
        shares_tag = ArticlePageTag.objects.filter(
            content_object_id=OuterRef("pk"), tag_id__in=tags
        )
        groups = [When(Exists(cites_same), then=3)]
        if self.category_id:
            groups.append(When(category_id=self.category_id, then=2))
        groups.append(When(Exists(shares_tag), then=1))
        rank = Case(*groups, default=0, output_field=models.IntegerField())
        return (
            self.pager_queryset()
            .annotate(related_rank=rank)
            .filter(related_rank__gt=0)
            .select_related("lead_image", "category")
            .prefetch_related("lead_image__renditions", "tags")
            .order_by("-related_rank", "-date", "-pk")[:limit]
        )

    def pager_queryset(self):
        """Live, unrestricted articles of the same index readable in the active language."""
        restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
        return (
            ArticlePage.objects.in_language()
            .live()
            .sibling_of(self, inclusive=False)
            .exclude(Exists(restricted))
            .exclude(date=None)
        )

    def previous_article(self):
        """The article published just before this one (ties broken by id), or None."""
        if self.date is None:
            return None
        earlier = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        return self.pager_queryset().filter(earlier).order_by("-date", "-pk").first()

    def next_article(self):
        """The article published just after this one (ties broken by id), or None."""
        if self.date is None:
            return None
        later = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        return self.pager_queryset().filter(later).order_by("date", "pk").first()

    @cached_property
    def tag_list(self):
        """The article's tags, read once: its links and its structured data both name them."""
        return list(self.tags.all())

    @cached_property
    def topic_links(self):
        """(name, URL) of the article's category, then its tags, each linking to its topic page."""
        url = self.get_url()
        if not url:
            return []
        # The article's index is its parent: its URL is the article's without the last segment.
        index_url = url[: url.rstrip("/").rindex("/") + 1]
        subjects = [(CATEGORY, self.category)] if self.category_id else []
        # A tag without a name in the active language is not shown (nor is its page there).
        subjects += [(TAG, tag) for tag in self.tag_list if tag.reader_name]
        return [
            (
                subject.name if kind == CATEGORY else subject.reader_name,
                index_url + NewsIndexPage.topic_path(kind, subject.slug),
            )
            for kind, subject in subjects
        ]

    def breadcrumbs(self, request):
        """Home, the news index, the article's category (if any), then the article."""
        crumbs = page_crumbs(request, self)
        if self.category_id and len(crumbs) > 1 and self.topic_links:
            name, url = self.topic_links[0]
            crumbs.insert(-1, Crumb(name, url))
        return crumbs

    @property
    def search_result_date(self):
        """Search results show the publication date."""
        return self.date

    @property
    def search_result_summary(self):
        """Search snippets come from the summary first."""
        return self.summary

    @classmethod
    def latest(cls, language, count):
        """The newest `count` articles readable in `language`, as the news index orders them."""
        articles = cls.searchable(language).select_related("lead_image", "category")
        return published_slice(articles.prefetch_related("tags").order_by("-date", "-pk"), 0, count)

    @classmethod
    def topics(cls, language, request):
        """(name, URL) of each category with an article readable in `language`."""
        index = NewsIndexPage.objects.live().public().first()
        if index is None:
            return []
        used = Exists(cls.searchable(language).filter(category=OuterRef("pk")))
        return [
            (category.name, Topic(CATEGORY, category, index).get_url(request))
            for category in Category.objects.filter(used)
        ]

    def shown_images(self):
        """The lead image and every figure's image, in any language (each once)."""
        images = {self.lead_image_id: self.lead_image} if self.lead_image_id else {}
        for language in LANGUAGES:
            for child in getattr(self, f"body_{suffix(language)}") or []:
                image = child.value.get("image") if child.block_type == "figure" else None
                if image is not None:
                    images.setdefault(image.pk, image)
        return list(images.values())

    def share_image(self, site_settings=None):
        """The image of social cards and structured data: the lead image, else the site's logo."""
        if self.lead_image_id:
            return self.lead_image.get_rendition(SHARE_IMAGE_SPEC)
        if site_settings and site_settings.logo_id:
            return site_settings.logo.get_rendition("max-1200x630")
        return None

    def structured_data(self, request, site_settings, image=None):
        """The article as a schema.org NewsArticle, with its cited studies and trials."""
        language = translation.get_language()
        site_name = site_settings.site_name if site_settings else ""
        publisher = {"@type": "Organization", "name": site_name}
        if site_settings and site_settings.logo_id:
            logo = site_settings.logo.get_rendition("max-600x60")
            publisher["logo"] = {
                "@type": "ImageObject",
                "url": request.build_absolute_uri(logo.url),
                "width": logo.width,
                "height": logo.height,
            }
        published = self.date or timezone.localdate(self.first_published_at or timezone.now())
        modified = self.last_published_at or self.latest_revision_created_at
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": Truncator(self.title).chars(110),
            "description": self.summary or "",
            "datePublished": published.isoformat(),
            "dateModified": (modified.isoformat() if modified else published.isoformat()),
            "author": self.schema_author(request, site_name),
            "publisher": publisher,
            "inLanguage": hreflang(language),
            "mainEntityOfPage": request.build_absolute_uri(self.get_url(request)),
        }
        citations = self.body.stream_block.schema_citations(self.body)
        if citations:
            data["citation"] = citations
        if image:
            data["image"] = [request.build_absolute_uri(image.url)]
        trials = self.body.stream_block.schema_trials(self.body)
        if trials:
            data["mentions"] = trials
        keywords = self.tag_names()
        if keywords:
            data["keywords"] = keywords
        return data

    def tag_names(self):
        """The names of the article's tags in the active language, sorted; unnamed ones left out."""
        return sorted(tag.reader_name for tag in self.tag_list if tag.reader_name)

    def json_ld(self, request, site_settings, image=None):
        """The article's structured data as a <script type="application/ld+json"> element."""
        return json_ld_script(self.structured_data(request, site_settings, image))

    def schema_author(self, request, site_name):
        """The article's schema.org author: its named source, else the publisher with its URL."""
        if self.source:
            return {"@type": "Organization", "name": self.source}
        # The request's host, as in the canonical link (ALLOWED_HOSTS vouches for it).
        return {"@type": "Organization", "name": site_name, "url": request.build_absolute_uri("/")}

    def social_meta(self, request, site_settings, image=None):
        """OpenGraph (property=…) and Twitter (name=…) tags as two lists of (key, content)."""
        return social_meta(
            request,
            kind="article",
            title=self.seo_title or self.title,
            description=self.search_description or self.summary or "",
            url=request.build_absolute_uri(self.get_url(request)),
            site_name=site_settings.site_name if site_settings else "",
            image=image,
            image_alt=self.lead_image.title if self.lead_image_id else self.title,
            published=self.date,
        )

    def canonical_url(self, request):
        """The absolute URL of rel=canonical in the request's language; None unpublished."""
        return alternates(request, self)["canonical"]

    def share(self, request):
        """How readers share the article (QR code, Weibo, link); None without a public URL."""
        url = self.canonical_url(request)
        return ShareLinks(url=url, title=self.seo_title or self.title) if url else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site_settings = SiteSettings.for_request(request)
        image = self.share_image(site_settings)
        opengraph, twitter = self.social_meta(request, site_settings, image)
        context.update(
            disclaimer=self.displayed_disclaimer(site_settings),
            # The body, the JSON-LD and what surrounds the body (related articles, previous and
            # next) are cached fragments, each built (the JSON-LD by calling it) only when missing.
            fragment=render_cache.fragment(request, self.pk, self.live_revision_id),
            json_ld=partial(self.json_ld, request, site_settings, image),
            opengraph_meta=opengraph,
            twitter_meta=twitter,
            share=self.share(request),
        )
        return context
