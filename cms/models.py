"""Site-wide pages and settings: the home page, the contact page and the publisher's identity."""

import datetime
import logging

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage
from django_tasks import task
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_honeypot.models import HoneypotFormMixin, HoneypotFormSubmissionMixin

from articles.models import ArticlePage
from cms.forms import (
    ContactFormBuilder,
    ContactPageForm,
    seconds_since_display,
    sign_display_time,
)
from cms.panels import EnquiriesPanel, ReadableInlinePanel
from common.pagination import published_slice
from publisher.validators import is_email
from translations.models import TranslatedPage
from translations.panels import side_by_side

logger = logging.getLogger("cms.contact")


class HomePage(TranslatedPage):
    """The site's front page: its name, tagline, the latest article leading and the ones before."""

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
        articles = (
            ArticlePage.objects.in_language()
            .live()
            .public()
            .descendant_of(self)
            .select_related("lead_image", "category")
            .prefetch_related("lead_image__renditions", "tags")
            .order_by("-date", "-pk")
        )
        return published_slice(articles, 0, limit)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The newest article leads the page with its image; the next six follow as cards.
        lead, *latest = list(self.latest_articles(limit=7)) or [None]
        context["lead_article"] = lead
        context["latest_articles"] = latest
        return context


CONTACT_FIELD_CHOICES = (
    *FORM_FIELD_CHOICES[:3],
    ("phone_or_email", _("Phone number or email")),
    *FORM_FIELD_CHOICES[3:],
)


# A contact form longer than this is a mistake (or a forged post), never an enquiry form.
MAX_FORM_FIELDS = 30


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


class ContactPage(TranslatedPage, HoneypotFormMixin, HoneypotFormSubmissionMixin):
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
    # A dotted path: Wagtail's admin views cannot be loaded while models are (as upstream defers).
    submissions_list_view_class = "cms.exports.ContactSubmissionsListView"
    # Posts per client IP and window; the cache backend counts them across processes.
    rate_limit_window = 600
    rate_limit = f"5/{rate_limit_window}s"

    content_panels = [
        *side_by_side(*Page.content_panels),
        EnquiriesPanel(),
        *side_by_side("intro"),
        ReadableInlinePanel("form_fields", label=_("Form fields"), max_num=MAX_FORM_FIELDS),
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

    honeypot_timestamp = staticmethod(sign_display_time)

    @staticmethod
    def time_diff(value, interval):
        """Whether the form was shown (signed time) more than `interval` seconds ago."""
        age = seconds_since_display(value)
        return age is not None and age > interval

    def get_submission_class(self):
        return ContactSubmission

    def get_submissions_list_view_class(self):
        return import_string(self.submissions_list_view_class)

    def get_data_fields(self):
        submit_time, *fields = super().get_data_fields()
        return [submit_time, ("delivery_status", _("Notification email")), *fields]

    def rate_limit_usage(self, request, *, increment):
        """The client's valid posts in the current window, or None when the cache cannot say."""
        return get_usage(
            request, group="cms.contact", key="ip", rate=self.rate_limit, increment=increment
        )

    def serve(self, request, *args, **kwargs):
        usage = (
            self.rate_limit_usage(request, increment=False) if request.method == "POST" else None
        )
        if usage is not None and usage["count"] >= usage["limit"]:
            logger.warning("Contact form rate limit reached on page %s", self.pk)
            response = TemplateResponse(
                request, self.rate_limited_template, self.get_context(request), status=429
            )
            response["Retry-After"] = str(self.rate_limit_window)
            return response
        return super().serve(request, *args, **kwargs)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        # Only valid posts count, so a visitor correcting mistakes is never locked out.
        if request.method == "POST":
            self.rate_limit_usage(request, increment=True)
        return super().render_landing_page(request, form_submission, *args, **kwargs)

    def process_form_submission(self, form):
        """Store the enquiry (unless a robot sent it) and queue its notification email."""
        submission = super().process_form_submission(form)
        if submission is not None and self.to_address:
            submission.queue_notification(self.notification_for(form))
        return submission

    def send_mail(self, form):
        """Send nothing while the visitor waits: the worker sends the queued notification."""

    def notification_for(self, form):
        """The notification email of a submitted form, as the worker needs it."""
        # Replies go to the visitor when they left an email address in any field.
        contact = next(
            (v for v in form.cleaned_data.values() if isinstance(v, str) and is_email(v)), None
        )
        return {
            "subject": self.subject or str(_("New enquiry from the website")),
            "body": self.render_email(form),
            "to": [address.strip() for address in self.to_address.split(",")],
            "from_email": self.from_address,
            "reply_to": [contact] if contact else None,
        }


class ContactSubmission(AbstractFormSubmission):
    """An enquiry from the contact form, with the state of its notification email."""

    class Delivery(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RETRYING = "retrying", _("Failed, will retry")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        NOT_EMAILED = "none", _("No recipient")
        UNRECORDED = "unrecorded", _("Not recorded")

    delivery_status = models.CharField(
        _("notification email"),
        max_length=10,
        choices=Delivery.choices,
        default=Delivery.NOT_EMAILED,
    )
    delivery_attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")

    def get_data(self):
        return {**super().get_data(), "delivery_status": str(self.get_delivery_status_display())}

    def queue_notification(self, message, delay=0):
        """Have the worker send `message` about this enquiry, at the earliest `delay` s from now."""
        notification = send_enquiry_notification
        if delay:
            notification = notification.using(
                run_after=timezone.now() + datetime.timedelta(seconds=delay)
            )
        notification.enqueue(self.pk, message)
        if self.delivery_status == self.Delivery.NOT_EMAILED:
            self.delivery_status = self.Delivery.QUEUED
            self.save(update_fields=["delivery_status"])

    def send_notification(self, message):
        """Send the notification email now; on failure queue another try, or mark it failed."""
        self.delivery_attempts += 1
        delays = settings.CONTACT_NOTIFICATION_RETRY_DELAYS
        try:
            send_mail(
                message["subject"],
                message["body"],
                message["to"],
                message["from_email"],
                reply_to=message["reply_to"],
            )
        # Whatever the mail server did, the enquiry stays stored and the failure is recorded.
        except Exception:
            if self.delivery_attempts <= len(delays):
                self.delivery_status = self.Delivery.RETRYING
                logger.warning(
                    "Could not email enquiry %s (attempt %d); trying again later.",
                    self.pk,
                    self.delivery_attempts,
                    exc_info=True,
                )
                self.queue_notification(message, delay=delays[self.delivery_attempts - 1])
            else:
                self.delivery_status = self.Delivery.FAILED
                logger.exception(
                    "Could not email enquiry %s to %s after %d attempts; it is stored in the "
                    "admin under Forms.",
                    self.pk,
                    ", ".join(message["to"]),
                    self.delivery_attempts,
                )
        else:
            self.delivery_status = self.Delivery.SENT
        self.save(update_fields=["delivery_status", "delivery_attempts"])


@task(backend="mail")
def send_enquiry_notification(submission_id, message):
    """The queued task that emails one enquiry's notification (`db_worker --backend mail`)."""
    ContactSubmission.objects.get(pk=submission_id).send_notification(message)


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
