"""News pages: the index that lists articles and the article itself."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from articles.blocks import ArticleBodyBlock


@register_snippet
class Disclaimer(models.Model):
    """A named medical disclaimer variant that articles may choose instead of the site default."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    text = models.TextField(_("text"))

    panels = [FieldPanel("name"), FieldPanel("text")]

    class Meta:
        verbose_name = _("medical disclaimer")
        verbose_name_plural = _("medical disclaimers")

    def __str__(self):
        return self.name


@register_snippet
class Category(models.Model):
    """A news category used to group and filter articles."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), unique=True, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticlePageTag(TaggedItemBase):
    """Through model linking tags to articles."""

    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePageQuerySet(PageQuerySet):
    """Article queries that know which languages an article is published in."""

    def in_language(self, language=None):
        """Articles readable in `language` (default: the active one); Chinese ones always are."""
        language = language or translation.get_language()
        if language == settings.LANGUAGE_CODE:
            return self
        return self.filter(translated_en=True)


class NewsIndexPage(Page):
    """Lists the live articles of the current language, newest first, paginated."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    per_page = 10

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    template = "pages/news_index_page.html"
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def articles(self):
        """Live, public articles under this index, newest first."""
        return (
            ArticlePage.objects.live()
            .public()
            .child_of(self)
            .select_related("lead_image", "category")
            .order_by("-date", "-pk")
        )

    def paginate(self, request, queryset):
        """Return the requested page of results, falling back to the first or last page."""
        paginator = Paginator(queryset, self.per_page)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.paginate(request, self.articles())
        return context


class ArticlePage(Page):
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
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    translated_en = models.BooleanField(
        _("translated into English"), default=False, editable=False, db_index=True
    )
    source = models.CharField(
        _("source or author"), max_length=200, blank=True, help_text=_("Who wrote or supplied it.")
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    disclaimer = models.ForeignKey(
        Disclaimer,
        verbose_name=_("disclaimer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty to use the site's default disclaimer."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("last_reviewed")]),
                FieldPanel("category"),
                FieldPanel("tags"),
                FieldPanel("lead_image"),
                FieldPanel("source"),
                FieldPanel("disclaimer"),
            ],
            heading=_("Article details"),
        ),
        *Page.settings_panels,
    ]

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    template = "pages/article_page.html"
    parent_page_types = ["articles.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def is_translated(self, language):
        """Whether the title, summary and body all have text in `language`."""
        suffix = language.replace("-", "_")
        return all(self.__dict__.get(f"{name}_{suffix}") for name in ("title", "summary", "body"))

    def save(self, *args, **kwargs):
        self.translated_en = self.is_translated("en")
        if self.live and self.date is None:
            self.date = timezone.localdate(self.first_published_at or timezone.now())
        return super().save(*args, **kwargs)
