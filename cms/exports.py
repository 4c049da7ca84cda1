"""The admin's list of enquiries and its spreadsheet exports, safe to open in Excel."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.views.mixins import list_to_str
from wagtail.contrib.forms.views import SubmissionsListView

# OWASP CSV injection: a spreadsheet reads a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
LOCAL_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
UTF8_BOM = "\ufeff"


def neutralise_formula(value):
    """`value` as text a spreadsheet shows as typed: a leading apostrophe before formula signs."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def neutralise_list(value):
    """The choices of a multiple-choice field, joined, as safe text."""
    return neutralise_formula(list_to_str(value))


def local_time_text(value):
    """A date and time in the site's time zone, to the second."""
    return timezone.localtime(value).strftime(LOCAL_TIME_FORMAT) if value else ""


def local_naive_time(value):
    """A date and time in the site's time zone, to the second, without zone (what Excel takes)."""
    return timezone.make_naive(value).replace(microsecond=0) if value else None


def shown_answer(value):
    """How the admin list shows an answer: 是/否 for a tick box, nothing when there is none."""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    return "" if value is None else value


class ContactSubmissionsListView(SubmissionsListView):
    """Wagtail's enquiries list, whose exports neutralise formulas and read in Beijing time.

    Excel opens a CSV as UTF-8 only when it starts with a byte-order mark, so Chinese stays legible.
    """

    custom_value_preprocess = {
        datetime.datetime: {
            SubmissionsListView.FORMAT_CSV: local_time_text,
            SubmissionsListView.FORMAT_XLSX: local_naive_time,
        },
        (datetime.date, datetime.time): {SubmissionsListView.FORMAT_XLSX: None},
        str: {
            SubmissionsListView.FORMAT_CSV: neutralise_formula,
            SubmissionsListView.FORMAT_XLSX: neutralise_formula,
        },
        list: {
            SubmissionsListView.FORMAT_CSV: neutralise_list,
            SubmissionsListView.FORMAT_XLSX: neutralise_list,
        },
    }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for row in context.get("data_rows", []):
            row["fields"] = [shown_answer(value) for value in row["fields"]]
        return context

    def stream_csv(self, queryset):
        yield UTF8_BOM
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
