"""Phone numbers and email addresses as readers type them."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

PHONE_RE = re.compile(r"^\+?[\d\s\-().]+$")


def phone_digits(value):
    """The dialable form of a phone number: its digits, keeping a leading + (E.164 style)."""
    value = value.strip()
    return ("+" if value.startswith("+") else "") + re.sub(r"\D", "", value)


def is_phone_number(value):
    """Whether `value` reads as a phone number of 5 to 15 digits."""
    return bool(PHONE_RE.match(value.strip())) and 5 <= len(re.sub(r"\D", "", value)) <= 15


def is_email(value):
    """Whether `value` is a valid email address."""
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True
