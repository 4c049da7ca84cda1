"""Site-wide pages and settings: the home page, the contact page and the publisher's identity."""

import logging
import time
from functools import partial

from django.core import signing
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractFormField
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_honeypot.models import HoneypotFormMixin, HoneypotFormSubmissionMixin

from articles.models import ArticlePage
from cms.forms import ContactFormBuilder, ContactPageForm
from cms.panels import EnquiriesPanel
from publisher.validators import is_email
from translations.models import TranslatedPage
from translations.panels import side_by_side

logger = logging.getLogger("cms.contact")

HONEYPOT_SALT = "cms.contact.honeypot"
# A form displayed more than a day ago is stale (or a replayed capture).
HONEYPOT_MAX_AGE = 24 * 60 * 60


class HomePage(TranslatedPage):
    """The site's front page: tagline and the latest articles of the current language."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = side_by_side(*Page.content_panels, "intro")

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


class ContactPage(HoneypotFormMixin, HoneypotFormSubmissionMixin, TranslatedPage):
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
    base_form_class = ContactPageForm
    # Posts per client IP and window; the cache backend counts them across processes.
    rate_limit_window = 600
    rate_limit = f"5/{rate_limit_window}s"

    content_panels = [
        *side_by_side(*Page.content_panels),
        EnquiriesPanel(),
        *side_by_side("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
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
