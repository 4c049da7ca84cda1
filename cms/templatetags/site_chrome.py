"""Template tags of the site chrome: navigation, contact links, icons and organisation JSON-LD."""

from dataclasses import dataclass

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site
from wagtail_honeypot.templatetags.honeypot_tags import honeypot_fields

from articles.models import ArticlePage, NewsIndexPage
from cms.models import ContactPage
from common import render_cache
from publisher.models import SiteSettings
from seo.breadcrumbs import page_crumbs
from seo.jsonld import breadcrumb_list, json_ld_script
from seo.meta import page_description, page_social_meta

register = template.Library()

# Inline SVG icons (24x24, drawn with the current text colour): no icon font, no third-party host.
ICONS = {
    "phone": '<path d="M6.6 3h3l1.5 4.5-2.2 1.6a11 11 0 0 0 6 6l1.6-2.2 4.5 1.5v3A2.6 2.6 0 0 1'
    ' 18.4 20 15.4 15.4 0 0 1 4 5.6 2.6 2.6 0 0 1 6.6 3z"/>',
    "telegram": '<path d="M21 4 3 11.2l5.6 2 9.4-6.2-7.2 7.6.2 5.4 3-3.6 4.4 3.2z"/>',
    "pin": '<path d="M12 21s-7-6.1-7-11.5a7 7 0 0 1 14 0C19 14.9 12 21 12 21z"/>'
    '<circle cx="12" cy="9.5" r="2.5"/>',
    "mail": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3.5 7 8.5 6 8.5-6"/>',
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 2"/>',
    "link": '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/>'
    '<path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>',
}


@register.simple_tag
def icon(name):
    """An inline SVG icon, hidden from screen readers (the link text names the action)."""
    return format_html(
        '<svg class="icon icon--{}" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"'
        ' focusable="false" fill="none" stroke="currentColor" stroke-width="1.8"'
        ' stroke-linecap="round" stroke-linejoin="round">{}</svg>',
        name,
        mark_safe(ICONS[name]),  # noqa: S308 (constant markup defined above)
    )


@dataclass(frozen=True)
class NavItem:
    """One link of the main navigation."""

    title: str
    url: str
    path: str
    is_home: bool = False

    def is_current(self, page):
        """Whether `page` is this item or (except for home) lies under it."""
        if page is None or not isinstance(page, Page):
            return False
        return page.path == self.path or (not self.is_home and page.path.startswith(self.path))


def nav_items(request):
    """Home and its live news and contact pages in the current language, once per request."""
    language = translation.get_language()
    cache = request.__dict__.setdefault("_main_nav", {})
    if language not in cache:
        site = Site.find_for_request(request)
        cache[language] = (
            render_cache.get_or_build(
                lambda: build_nav_items(site, request), "main-nav", site.pk, language
            )
            if site is not None
            else []
        )
    return cache[language]


def build_nav_items(site, request):
    """Home and its live, public sections shown in menus, in the current language."""
    home = site.root_page
    children = (
        home.get_children()
        .live()
        .public()
        .filter(Q(show_in_menus=True) | Q(content_type__in=_nav_content_types()))
        .order_by("path")
    )
    items = [NavItem(home.title, home.get_url(request), home.path, is_home=True)]
    return items + [NavItem(p.title, p.get_url(request), p.path) for p in children]


def in_main_navigation(page):
    """Whether `page` is listed in the main navigation: a site's home or one of its sections."""
    root_ids = set(Site.objects.values_list("root_page_id", flat=True))
    if page.pk in root_ids:
        return True
    parent = page.get_parent()
    return (
        parent is not None
        and parent.pk in root_ids
        and (page.show_in_menus or page.content_type_id in {ct.pk for ct in _nav_content_types()})
    )


def _nav_content_types():
    """Page types that are always in the main navigation."""
    return list(ContentType.objects.get_for_models(NewsIndexPage, ContactPage).values())


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The main navigation with the current section marked."""
    request = context.get("request")
    page = context.get("page")
    items = nav_items(request) if request is not None else []
    return {"items": [(item, item.is_current(page)) for item in items]}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The URL of the current site's home page in the current language."""
    items = nav_items(context["request"])
    return items[0].url if items else "/"


@register.inclusion_tag("components/contact_details.html", takes_context=True)
def contact_details(context, extended=False):
    """Address, hotline and Telegram as links; with `extended`, email and opening hours too."""
    return {"site_settings": _site_settings(context), "extended": extended}


@register.inclusion_tag("components/call_button.html", takes_context=True)
def call_button(context):
    """The phone-width "call the hotline" button, on article pages only."""
    site_settings = _site_settings(context)
    show = isinstance(context.get("page"), ArticlePage) and bool(site_settings.hotline)
    return {"site_settings": site_settings, "show": show}


@register.simple_tag(takes_context=True)
def organization_jsonld(context):
    """The publisher's schema.org JSON-LD, safe to embed in a <script> element."""
    request = context["request"]
    return json_ld_script(_site_settings(context).organization_jsonld(request))


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from home to the page (visible and as BreadcrumbList JSON-LD); none at home."""
    request = context.get("request")
    page = context.get("page")
    crumbs = context.get("breadcrumbs")
    if crumbs is None and isinstance(page, Page) and request is not None:
        crumbs = page.breadcrumbs(request) if hasattr(page, "breadcrumbs") else []
        crumbs = crumbs or page_crumbs(request, page)
    if not crumbs or len(crumbs) < 2:
        return {}
    return {"crumbs": crumbs, "json_ld": json_ld_script(breadcrumb_list(request, crumbs))}


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    """The meta description and the OpenGraph/Twitter tags of any page, article or not."""
    request = context["request"]
    site_settings = _site_settings(context)
    page = context.get("page")
    opengraph, twitter = context.get("opengraph_meta"), context.get("twitter_meta")
    if opengraph is None:
        opengraph, twitter = page_social_meta(request, page, site_settings)
    description = dict(opengraph).get("og:description") or page_description(page, site_settings)
    return {"description": description, "opengraph_meta": opengraph, "twitter_meta": twitter}


def _site_settings(context):
    """The current site's settings (Wagtail caches them on the request)."""
    return SiteSettings.for_request(context["request"])


@register.inclusion_tag("tags/honeypot_fields.html")
def signed_honeypot_fields(enabled):
    """wagtail-honeypot's hidden fields, with the display time signed."""
    context = honeypot_fields(enabled)
    context["time"] = ContactPage.honeypot_timestamp()
    return context
