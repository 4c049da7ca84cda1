"""Site-wide pages and settings: the home page and the publisher's identity."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from articles.models import ArticlePage


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The publisher's identity and contact details, shown on every page."""

    site_name = models.CharField(_("site name"), max_length=100, default="杭吉干细胞资讯")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    hotline = models.CharField(
        _("hotline"),
        max_length=40,
        blank=True,
        help_text=_("As readers dial it, e.g. 400-622-0089."),
    )
    telegram = models.CharField(
        _("Telegram"),
        max_length=64,
        blank=True,
        help_text=_("A phone number such as +86-139-6700-7000, or a @handle."),
    )
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    icp_licence = models.CharField(
        _("ICP licence number"),
        max_length=100,
        blank=True,
        help_text=_("Shown in the footer when set."),
    )
    default_disclaimer = models.TextField(
        _("default medical disclaimer"),
        help_text=_("Shown on every article that does not choose its own disclaimer."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hotline"),
                FieldPanel("telegram"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("default_disclaimer"),
        FieldPanel("icp_licence"),
    ]

    class Meta:
        verbose_name = _("site settings")


class HomePage(Page):
    """The site's front page: tagline and the latest articles of the current language."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.NewsIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def latest_articles(self, limit=6):
        """The newest live articles anywhere under this home page."""
        return (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("lead_image")
            .order_by("-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = self.latest_articles()
        return context
