"""The contact form's fields: bounded lengths and a phone-or-email field with clear errors."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from common.admin_forms import StaleEditCheckedFormPageForm
from publisher.validators import is_email, is_phone_number
from translations.forms import TranslatedPageFormMixin

MESSAGE_MAX = 5000
HONEYPOT_SALT = "cms.contact.honeypot"
# Longer than a visitor keeps a tab open; an older form is shown again, never silently dropped.
HONEYPOT_MAX_AGE = 7 * 24 * 60 * 60
LENGTH_MESSAGES = {
    "max_length": _(
        "Please shorten this to at most %(limit_value)d characters (it has %(show_value)d)."
    )
}


class PhoneOrEmailField(forms.CharField):
    """A phone number or an email address, whichever the visitor prefers to be reached by."""

    default_error_messages = {
        "invalid": _("Enter a phone number (digits, e.g. 139-6700-7000) or an email address."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("error_messages", LENGTH_MESSAGES)
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value and not (is_email(value) or is_phone_number(value)):
            raise ValidationError(self.error_messages["invalid"], code="invalid")


def sign_display_time(when=None):
    """The signed time a form was displayed, so a robot cannot make it up."""
    return signing.dumps(int(when if when is not None else time.time()), salt=HONEYPOT_SALT)


def seconds_since_display(value):
    """How long ago a form with this signed display time was shown; None if it was forged."""
    try:
        return time.time() - signing.loads(value or "", salt=HONEYPOT_SALT)
    except signing.BadSignature:
        return None


class ContactForm(BaseForm):
    """The contact form: a form shown too long ago is sent back to the visitor to confirm."""

    def clean(self):
        cleaned_data = super().clean()
        age = seconds_since_display(
            self.data.get(getattr(settings, "HONEYPOT_TIME_FIELD", "whf_time"))
        )
        if age is not None and age > HONEYPOT_MAX_AGE:
            raise ValidationError(
                _(
                    "This form was opened more than a week ago. Please check your message and "
                    "send it again."
                ),
                code="stale",
            )
        return cleaned_data


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with every text field bounded and a phone-or-email type."""

    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)

    def create_singleline_field(self, field, options):
        options["error_messages"] = LENGTH_MESSAGES
        return super().create_singleline_field(field, options)

    def create_multiline_field(self, field, options):
        options.update(
            max_length=MESSAGE_MAX,
            error_messages=LENGTH_MESSAGES,
            widget=forms.Textarea(attrs={"rows": 6}),
        )
        return super().create_multiline_field(field, options)

    def create_phone_or_email_field(self, field, options):
        return PhoneOrEmailField(**options)


class ContactPageForm(TranslatedPageFormMixin, StaleEditCheckedFormPageForm):
    """The contact page's admin form: form-page checks plus optional translated slugs."""
