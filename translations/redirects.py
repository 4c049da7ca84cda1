"""URL history: every public path a page had in any language redirects to where it is now."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from translations.languages import LANGUAGES, localized

URL_PATH_FIELDS = [localized("url_path", language) for language in LANGUAGES]


def site_root_url_paths():
    """(root page path, language) → that site root's url_path in the language."""
    roots = Site.objects.values_list("root_page__path", flat=True)
    return {
        (row["path"], language): row[localized("url_path", language)]
        for row in Page.objects.filter(path__in=list(roots)).values("path", *URL_PATH_FIELDS)
        for language in LANGUAGES
    }


def public_path(tree_path, url_path, language, roots):
    """The public path (/en/news/slug/) of a page by its tree path and url_path in `language`."""
    for (root_path, root_language), root_url_path in roots.items():
        inside = root_language == language and tree_path.startswith(root_path)
        if inside and url_path and root_url_path and url_path.startswith(root_url_path):
            return f"/{language}/{url_path[len(root_url_path) :]}"
    return None


def public_paths(pages, roots=None):
    """Map (page id, language) to the public path of each of `pages`."""
    roots = site_root_url_paths() if roots is None else roots
    paths = {}
    for row in pages.values("id", "path", *URL_PATH_FIELDS):
        for language in LANGUAGES:
            path = public_path(row["path"], row[localized("url_path", language)], language, roots)
            if path is not None:
                paths[row["id"], language] = path
    return paths


def subtree_paths(page):
    """The public paths of `page` and its descendants, as stored."""
    return public_paths(Page.objects.filter(path__startswith=page.path))


def page_paths(page, roots=None):
    """language → the public path of `page` from its url_path fields as they are in memory."""
    roots = site_root_url_paths() if roots is None else roots
    paths = {}
    for language in LANGUAGES:
        path = public_path(
            page.path, getattr(page, localized("url_path", language)), language, roots
        )
        if path is not None:
            paths[language] = path
    return paths


def rebase(paths, from_prefixes, to_prefixes):
    """`paths` that lie under their language's `from_prefixes`, moved under its `to_prefixes`."""
    moved = {}
    for (pk, language), path in paths.items():
        old, new = from_prefixes.get(language), to_prefixes.get(language)
        if old and new and path.startswith(old):
            moved[pk, language] = new + path[len(old) :]
    return moved


def redirect_old_paths(before, after):
    """Create permanent redirects from every path that changed to the page now at the new one."""
    for key, old_path in before.items():
        new_path = after.get(key)
        if new_path is None or new_path == old_path:
            continue
        Redirect.objects.filter(old_path=Redirect.normalise_path(new_path)).delete()
        Redirect.objects.update_or_create(
            old_path=Redirect.normalise_path(old_path),
            site=None,
            defaults={"redirect_page_id": key[0], "is_permanent": True, "redirect_link": ""},
        )


def redirect_after_move(sender, instance, parent_page_before, **kwargs):
    """Redirect each language's old paths of a moved subtree (post_page_move receiver)."""
    if not isinstance(instance, Page) or parent_page_before is None:
        return
    page = Page.objects.get(pk=instance.pk)
    roots = site_root_url_paths()
    old_prefixes = {}
    for language in LANGUAGES:
        parent_url = getattr(parent_page_before, localized("url_path", language))
        slug = getattr(page, localized("slug", language)) or page.slug
        old = public_path(parent_page_before.path, f"{parent_url}{slug}/", language, roots)
        if old is not None:
            old_prefixes[language] = old
    after = public_paths(Page.objects.filter(path__startswith=page.path), roots)
    before = rebase(after, page_paths(page, roots), old_prefixes)
    redirect_old_paths(before, after)
