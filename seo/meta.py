"""OpenGraph and Twitter card tags of a page."""

from django.utils import translation

# OpenGraph wants territory locales.
OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_US"}


def social_meta(
    request, *, kind, title, description, url, site_name, image=None, image_alt="", published=None
):
    """OpenGraph (property=…) and Twitter (name=…) tags as two lists of (key, content)."""
    language = translation.get_language()
    opengraph = [
        ("og:type", kind),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:site_name", site_name),
        ("og:locale", OG_LOCALES.get(language, language)),
    ]
    if published:
        opengraph.append(("article:published_time", published.isoformat()))
    twitter = [
        ("twitter:card", "summary_large_image" if image else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
    if image:
        image_url = request.build_absolute_uri(image.url)
        opengraph += [
            ("og:image", image_url),
            ("og:image:width", str(image.width)),
            ("og:image:height", str(image.height)),
            ("og:image:alt", image_alt or title),
        ]
        twitter += [("twitter:image", image_url), ("twitter:image:alt", image_alt or title)]
    return opengraph, twitter


def page_description(page, site_settings):
    """The meta description of a page: its own search description, else the site's tagline."""
    own = getattr(page, "search_description", "") if page is not None else ""
    return own or (site_settings.tagline if site_settings else "")


def page_social_meta(request, page, site_settings):
    """OpenGraph and Twitter tags of a page that is not an article (or of a view with no page)."""
    # Absolute URLs use the request's host, as the canonical link does.
    if page is not None and hasattr(page, "get_url"):
        title = page.seo_title or page.title
        url = request.build_absolute_uri(page.get_url(request))
    else:
        title = site_settings.site_name if site_settings else ""
        url = request.build_absolute_uri(request.path)
    return website_social_meta(
        request,
        site_settings,
        title=title,
        description=page_description(page, site_settings),
        url=url,
    )


def website_social_meta(request, site_settings, *, title, description, url):
    """OpenGraph and Twitter tags of a listing or other page of the site, with its logo."""
    site_name = site_settings.site_name if site_settings else ""
    logo = site_settings.logo if site_settings and site_settings.logo_id else None
    return social_meta(
        request,
        kind="website",
        title=title,
        description=description,
        url=url,
        site_name=site_name,
        image=logo.get_rendition("max-1200x630") if logo else None,
        image_alt=site_name,
    )
