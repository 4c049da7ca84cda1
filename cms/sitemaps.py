"""The sitemap's sections beyond the pages (seo.views), and the paths a purge names."""

from django.urls import reverse

from articles.trial_pages import TrialSitemap
from seo.views import SECTION_URL_NAME, section_names

EXTRA_SECTIONS = {"trials": TrialSitemap}


def sitemap_paths():
    """/sitemap.xml and every section's path; a path's purge drops all its ?p= pages."""
    sections = {
        reverse(SECTION_URL_NAME, kwargs={"section": name})
        for name in section_names(EXTRA_SECTIONS)
    }
    return {reverse("sitemap")} | sections
