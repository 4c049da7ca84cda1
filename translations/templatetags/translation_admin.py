"""Admin template tags: language names where wagtail-modeltranslation writes language codes."""

import re

from django import template
from django.conf import settings

register = template.Library()

CODE_LABEL_RE = re.compile(r"^(?P<label>.+) \[(?P<language>[\w-]+)\]$")


@register.simple_tag
def name_languages_in_labels(form):
    """Relabel the form's "新标题 [zh-hans]" fields "新标题（中文）"; renders nothing.

    wagtail-modeltranslation's copy-page form writes these labels itself instead of through
    MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME.
    """
    languages = dict(settings.LANGUAGES)
    for field in form.fields.values():
        match = CODE_LABEL_RE.match(str(field.label))
        if match and match["language"] in languages:
            field.label = settings.MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME(
                match["label"], match["language"]
            )
    return ""
