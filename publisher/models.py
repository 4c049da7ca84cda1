"""The publisher's identity and contact details, shown on every page of the site."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from common import render_cache
from common.admin_forms import StaleEditCheckedModelForm
from common.blocks import ReadableStreamBlock
from common.choosers import ReadableImageChooser
from publisher.blocks import SocialLinkBlock
from publisher.validators import is_phone_number, phone_digits
from translations.panels import side_by_side

TELEGRAM_HANDLE_RE = re.compile(r"^@([A-Za-z][A-Za-z0-9_]{3,31})$")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The publisher's identity and contact details, shown on every page."""

    site_name = models.CharField(_("site name"), max_length=100, default="杭吉干细胞资讯")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
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
    social_links = StreamField(
        ReadableStreamBlock([("link", SocialLinkBlock())]),
        verbose_name=_("social links"),
        blank=True,
        help_text=_("The publisher's accounts, shown in the footer."),
    )

    panels = [
        MultiFieldPanel(
            [
                *side_by_side("site_name", "tagline"),
                FieldPanel("logo", widget=ReadableImageChooser),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hotline"),
                FieldPanel("telegram"),
                FieldPanel("email"),
                *side_by_side("address", "opening_hours"),
            ],
            heading=_("Contact"),
        ),
        *side_by_side("default_disclaimer"),
        FieldPanel("icp_licence"),
        FieldPanel("social_links"),
    ]

    base_form_class = StaleEditCheckedModelForm

    class Meta:
        # The table predates this app (the model moved here from cms).
        db_table = "cms_sitesettings"
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """The request's site settings, from the render cache (the admin edits `for_site`'s)."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            site_settings = render_cache.get_or_build(
                lambda: cls.cached_for_site(site), "site-settings", site.pk if site else None
            )
            site_settings._request = request
            setattr(request, attr_name, site_settings)
        return getattr(request, attr_name)

    @classmethod
    def cached_for_site(cls, site):
        """The settings of `site` with what every page shows of them (logo, home) loaded."""
        if site is None:
            raise cls.DoesNotExist(f"{cls.__name__} does not exist for site None.")
        queryset = cls.base_queryset().select_related("logo", "site__root_page")
        return queryset.get_or_create(site=site)[0]

    def clean(self):
        super().clean()
        errors = {}
        if self.hotline and not is_phone_number(self.hotline):
            errors["hotline"] = _(
                "Enter a phone number of 5 to 15 digits, e.g. 400-622-0089 or +86-571-8888-8888; "
                "only digits, spaces, hyphens, brackets and a leading + are allowed."
            )
        telegram = (self.telegram or "").strip()
        if telegram and not (
            TELEGRAM_HANDLE_RE.match(telegram)
            or (telegram.startswith("+") and is_phone_number(telegram))
        ):
            errors["telegram"] = _(
                "Enter a Telegram number in international format starting with +, "
                "e.g. +86-139-6700-7000, or a username starting with @ (5 to 32 letters, "
                "digits or underscores), e.g. @hangji_news."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def hotline_href(self):
        """The click-to-call link of the hotline, e.g. `tel:4006220089`."""
        return f"tel:{phone_digits(self.hotline)}" if self.hotline else ""

    @property
    def telegram_url(self):
        """The t.me link of the Telegram number or @handle."""
        telegram = (self.telegram or "").strip()
        if not telegram:
            return ""
        handle = TELEGRAM_HANDLE_RE.match(telegram)
        return f"https://t.me/{handle.group(1) if handle else phone_digits(telegram)}"

    @property
    def email_href(self):
        """The mailto: link of the contact email."""
        return f"mailto:{self.email}" if self.email else ""

    def organization_jsonld(self, request):
        """schema.org MedicalOrganization with its ContactPoint, as a dict ready for JSON."""
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalOrganization",
            "name": self.site_name,
            "url": request.build_absolute_uri(self.site.root_page.get_url(request) or "/"),
        }
        if self.tagline:
            data["description"] = self.tagline
        if self.logo:
            rendition = self.logo.get_rendition("max-512x512")
            data["logo"] = request.build_absolute_uri(rendition.url)
        if self.address:
            data["address"] = self.address
        if self.email:
            data["email"] = self.email
        if self.hotline:
            contact_point = {
                "@type": "ContactPoint",
                "telephone": self.hotline,
                "contactType": "customer service",
                "areaServed": "CN",
                "availableLanguage": ["zh-Hans", "en"],
            }
            if self.email:
                contact_point["email"] = self.email
            data["contactPoint"] = [contact_point]
        same_as = [self.telegram_url] + [link.value["url"] for link in self.social_links]
        if any(same_as):
            data["sameAs"] = [url for url in same_as if url]
        return data
