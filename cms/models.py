"""Site-wide pages and settings: the home page, the contact page and the publisher's identity."""

import logging
import re
import time
from functools import partial

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_honeypot.models import HoneypotFormMixin, HoneypotFormSubmissionMixin

from articles.models import ArticlePage
from cms.admin_forms import (
    StaleEditCheckedFormPageForm,
    StaleEditCheckedModelForm,
    StaleEditCheckedPageForm,
)
from cms.blocks import ReadableStreamBlock, SocialLinkBlock
from cms.choosers import ReadableImageChooser
from cms.forms import ContactFormBuilder, is_email, is_phone_number, phone_digits
from cms.panels import ReadableInlinePanel, side_by_side

logger = logging.getLogger("cms.contact")

HONEYPOT_SALT = "cms.contact.honeypot"
# A form displayed more than a day ago is stale (or a replayed capture).
HONEYPOT_MAX_AGE = 24 * 60 * 60
TELEGRAM_HANDLE_RE = re.compile(r"^@([A-Za-z][A-Za-z0-9_]{3,31})$")


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
        verbose_name = _("site settings")

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


class HomePage(Page):
    """The site's front page: tagline and the latest articles of the current language."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = side_by_side(*Page.content_panels, "intro")

    base_form_class = StaleEditCheckedPageForm
    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.NewsIndexPage", "cms.ContactPage"]
    max_count = 1
    # base.html publishes the organisation's JSON-LD on pages that set this.
    publishes_organization = True

    class Meta:
        verbose_name = _("home page")

    def latest_articles(self, limit=6):
        """The newest live articles readable in the current language anywhere under this page."""
        return (
            ArticlePage.objects.in_language()
            .live()
            .public()
            .descendant_of(self)
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = self.latest_articles()
        return context


CONTACT_FIELD_CHOICES = (
    *FORM_FIELD_CHOICES[:3],
    ("phone_or_email", _("Phone number or email")),
    *FORM_FIELD_CHOICES[3:],
)


class FormField(AbstractFormField):
    """One field of the contact form, labelled in each language."""

    page = ParentalKey("cms.ContactPage", related_name="form_fields", on_delete=models.CASCADE)
    field_type = models.CharField(
        verbose_name=_("field type"), max_length=16, choices=CONTACT_FIELD_CHOICES
    )
    # Wagtail builds previews from field_type, so it must be filled even in a draft.
    field_type.required_on_save = True

    def get_field_clean_name(self):
        """A key from the English label (else the Chinese one), the same in both languages."""
        return get_field_clean_name(self.label_en or self.label_zh_hans or self.label)


class ContactPage(HoneypotFormMixin, HoneypotFormSubmissionMixin):
    """How to reach the publisher, with an enquiry form whose submissions are never lost."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a visitor sends the form."),
    )
    honeypot = models.BooleanField(
        _("spam trap enabled"),
        default=True,
        help_text=_("Silently drop submissions from robots that fill a hidden field."),
    )

    form_builder = ContactFormBuilder
    base_form_class = StaleEditCheckedFormPageForm
    # Posts per client IP and window; the cache backend counts them across processes.
    rate_limit_window = 600
    rate_limit = f"5/{rate_limit_window}s"

    content_panels = [
        *side_by_side(*Page.content_panels),
        FormSubmissionsPanel(),
        *side_by_side("intro"),
        ReadableInlinePanel("form_fields", label=_("Form fields")),
        *side_by_side("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("honeypot"),
            ],
            heading=_("Notification email"),
        ),
    ]

    template = "pages/contact_page.html"
    landing_page_template = "pages/contact_page_landing.html"
    rate_limited_template = "pages/contact_page_rate_limited.html"
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    publishes_organization = True

    class Meta:
        verbose_name = _("contact page")

    def create_default_fields(self):
        """Give an empty form its standard fields (name, phone or email, message, consent).

        Call before saving the page (or its revision) so the fields are part of it.
        """
        if self.form_fields.exists():
            return
        self.form_fields = [
            FormField(sort_order=order, **values) for order, values in enumerate(DEFAULT_FIELDS)
        ]

    @staticmethod
    def honeypot_timestamp(when=None):
        """The signed time the form was displayed, so a robot cannot make it up."""
        return signing.dumps(int(when if when is not None else time.time()), salt=HONEYPOT_SALT)

    @staticmethod
    def time_diff(value, interval):
        """Whether the form was shown (signed time) over `interval` seconds and under a day ago."""
        try:
            shown = signing.loads(value, salt=HONEYPOT_SALT)
        except signing.BadSignature:
            return False
        return interval < time.time() - shown < HONEYPOT_MAX_AGE

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and is_ratelimited(
            request, group="cms.contact", key="ip", rate=self.rate_limit, increment=True
        ):
            logger.warning("Contact form rate limit reached on page %s", self.pk)
            response = TemplateResponse(
                request, self.rate_limited_template, self.get_context(request), status=429
            )
            response["Retry-After"] = str(self.rate_limit_window)
            return response
        return super().serve(request, *args, **kwargs)

    def send_mail(self, form):
        """Notify `to_address` once the submission is committed; a mail failure loses nothing."""
        addresses = [address.strip() for address in self.to_address.split(",")]
        # Replies go to the visitor when they left an email address in any field.
        contact = next(
            (v for v in form.cleaned_data.values() if isinstance(v, str) and is_email(v)), None
        )
        transaction.on_commit(
            partial(
                self.deliver_notification,
                subject=self.subject or str(_("New enquiry from the website")),
                body=self.render_email(form),
                addresses=addresses,
                reply_to=[contact] if contact else None,
            )
        )

    def deliver_notification(self, subject, body, addresses, reply_to=None):
        """Send the notification email, logging (not raising) any failure."""
        try:
            send_mail(subject, body, addresses, self.from_address, reply_to=reply_to)
        # Any failure here must not turn a stored enquiry into an error page for the visitor.
        except Exception:
            logger.exception(
                "Could not email the enquiry from contact page %s to %s; it is stored in the "
                "admin under Forms.",
                self.pk,
                ", ".join(addresses),
            )


DEFAULT_FIELDS = [
    {
        "clean_name": "name",
        "label_zh_hans": "姓名",
        "label_en": "Name",
        "field_type": "singleline",
        "required": True,
    },
    {
        "clean_name": "phone_or_email",
        "label_zh_hans": "电话或邮箱",
        "label_en": "Phone or email",
        "help_text_zh_hans": "我们通过它回复您。",
        "help_text_en": "So that we can reply to you.",
        "field_type": "phone_or_email",
        "required": True,
    },
    {
        "clean_name": "message",
        "label_zh_hans": "留言",
        "label_en": "Message",
        "help_text_zh_hans": "最多5000字。",
        "help_text_en": "Up to 5,000 characters.",
        "field_type": "multiline",
        "required": True,
    },
    {
        "clean_name": "consent",
        "label_zh_hans": "我同意贵方保存并使用以上信息回复我的咨询。",
        "label_en": "I agree that you store and use these details to answer my enquiry.",
        "field_type": "checkbox",
        "required": True,
    },
]
