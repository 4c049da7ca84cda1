"""URLs: the admin outside the language prefix, every public page under /zh-hans/ or /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from articles.feeds import ArticlesFeed, AtomArticlesFeed
from articles.models import ArticlePage
from cms import views
from cms.admin_i18n import admin_javascript_catalog
from cms.api import api_router, not_found
from cms.sitemaps import EXTRA_SECTIONS
from search.views import SearchView
from seo import views as seo_views
from translations import views as translation_views

handler404 = "translations.views.page_not_found"

urlpatterns = [
    path("", translation_views.language_redirect, name="language_redirect"),
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own catalogue at the same address, so the project's translations win.
    path("admin/jsi18n/", admin_javascript_catalog, name="admin_javascript_catalog"),
    path("admin/", include(wagtailadmin_urls)),
    # The read-only public API; one address for every language (?lang=).
    path("api/v2/", api_router.urls),
    re_path(r"^api/", not_found),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("language/<str:language>/", translation_views.switch_language, name="switch_language"),
    path("favicon.ico", seo_views.favicon, name="favicon"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        views.reader_view(seo_views.sitemap_index),
        {"sections": EXTRA_SECTIONS},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        views.reader_view(seo_views.sitemap_section),
        {"sections": EXTRA_SECTIONS},
        name=seo_views.SECTION_URL_NAME,
    ),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(
    path("feed/", views.reader_view(ArticlesFeed()), name="feed_rss"),
    path("feed/atom/", views.reader_view(AtomArticlesFeed()), name="feed_atom"),
    # A category's or tag's feed; tag slugs may be Chinese.
    re_path(
        r"^feed/(?P<kind>category|tag)/(?P<slug>[-\w]+)/$",
        views.reader_view(ArticlesFeed()),
        name="topic_feed_rss",
    ),
    re_path(
        r"^feed/(?P<kind>category|tag)/(?P<slug>[-\w]+)/atom/$",
        views.reader_view(AtomArticlesFeed()),
        name="topic_feed_atom",
    ),
    path("search/", SearchView.as_view(model=ArticlePage), name="search"),
    # Before Wagtail's pages, which would otherwise look for a page called "trials".
    path("", include("articles.trial_urls")),
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
