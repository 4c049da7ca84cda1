"""How a citation and an enrollment read: one wording for records and for typed-in blocks."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import ngettext


def citation_html(*, authors, title, journal, year, volume, issue, pages):
    """'Authors. Title. <i>Journal</i> <b>Year</b>, <i>Volume</i>, Pages.' as safe HTML."""
    title = (title or "").strip()
    if title and title[-1] not in ".?!":
        title += "."
    source = []
    if journal:
        source.append(format_html("<i>{}</i>", journal))
    if year:
        source.append(format_html("<b>{}</b>", year))
    details = []
    if volume:
        volume = format_html("<i>{}</i>", volume)
        if issue:
            volume = format_html("{} ({})", volume, issue)
        details.append(volume)
    if pages:
        details.append(pages)
    parts = [p for p in (authors, title) if p]
    tail = format_html_join(", ", "{}", [(d,) for d in details])
    if source:
        joined = format_html_join(" ", "{}", [(s,) for s in source])
        parts.append(
            format_html("{}, {}.", joined, tail) if details else format_html("{}.", joined)
        )
    elif details:
        parts.append(format_html("{}.", tail))
    return format_html_join(" ", "{}", [(p,) for p in parts])


def enrollment_text(count, enrollment_type):
    """'30 participants (estimated)' or ''."""
    if count is None:
        return ""
    if enrollment_type == "ACTUAL":
        text = ngettext("%(count)s participant (actual)", "%(count)s participants (actual)", count)
    else:
        text = ngettext(
            "%(count)s participant (estimated)", "%(count)s participants (estimated)", count
        )
    return text % {"count": count}
