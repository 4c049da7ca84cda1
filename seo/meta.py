"""OpenGraph and Twitter card tags of a page."""

from django.utils import translation

# OpenGraph wants territory locales.
OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_US"}


def social_meta(request, *, kind, title, description, url, site_name, image=None, published=None):
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
        ]
        twitter.append(("twitter:image", image_url))
    return opengraph, twitter
