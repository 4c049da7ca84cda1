"""URLs: the admin outside the language prefix, every public page under /zh-hans/ or /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from articles.feeds import ArticlesFeed, AtomArticlesFeed
from cms import views

handler404 = "cms.views.page_not_found"

urlpatterns = [
    path("", views.language_redirect, name="language_redirect"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("language/<str:language>/", views.switch_language, name="switch_language"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("feed/", ArticlesFeed(), name="feed_rss"),
    path("feed/atom/", AtomArticlesFeed(), name="feed_atom"),
    path("search/", views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
