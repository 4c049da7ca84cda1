"""Template tags linking a page to its other languages: switcher, hreflang, canonical."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from wagtail.models import Page

from translations.links import alternates, language_links

register = template.Library()


def context_page(context):
    """The Wagtail page being rendered, if any."""
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def language_switch_links(context):
    """The switcher's links: each goes through the view that remembers the choice in a cookie."""
    request = context["request"]
    links = language_links(request, context_page(context), context.get("language_urls"))
    for link in links:
        if link.available:
            query = urlencode({"next": link.url})
            link.switch_url = f"{reverse('switch_language', args=[link.code])}?{query}"
    return links


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """Absolute URLs for rel=canonical and, when every language exists, the hreflang alternates."""
    request = context.get("request")
    page = context_page(context)
    if request is None or page is None:
        return {}
    return alternates(request, page, context.get("language_urls"))
