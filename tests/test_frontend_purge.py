"""Every change that purges the page cache also purges Varnish, and a dead Varnish harms nothing."""

import re
import shutil
import subprocess
from pathlib import Path
from unittest import mock
from urllib.error import URLError

import pytest
from django.test import override_settings
from django.utils.module_loading import import_string
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Site

from articles.models import ArticleTag, Category
from cms.settings.base import media_storage_from_env
from publisher.models import SiteSettings
from tests.factories import make_article, make_disclaimer, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The page cache as in production (the test settings turn it off for other tests)."""
    settings.PAGE_CACHE = True


ROOT = "http://localhost"


class RecordingBackend(BaseBackend):
    """A frontend cache that remembers the URLs it was asked to purge."""

    purged = []

    def purge(self, url):
        """Record one URL."""
        self.purged.append(url)


class FailingBackend(BaseBackend):
    """A frontend cache whose every purge fails as if the connection broke."""

    def purge(self, url):
        """Fail."""
        raise ConnectionError("varnish is down")


RECORDING = {"recorder": {"BACKEND": "tests.test_frontend_purge.RecordingBackend"}}


@pytest.fixture
def purged():
    """The URLs the recording backend was asked to purge during the test."""
    RecordingBackend.purged = []
    with override_settings(WAGTAILFRONTENDCACHE=RECORDING):
        yield RecordingBackend.purged


@pytest.fixture
def site(db):
    """Home, news index and an article."""
    _home, index = make_site()
    return index, make_article(index, 1)


def urls(*paths):
    """Absolute URLs of the default site."""
    return {f"{ROOT}{path}" for path in paths}


ARTICLE = ("/zh-hans/news/article-1/", "/en/news/article-1-en/")
LISTS = ("/zh-hans/", "/en/", "/zh-hans/news/", "/en/news/", "/zh-hans/feed/", "/en/feed/")
SITEMAP = ("/sitemap.xml", "/sitemap-pages.xml", "/sitemap-topics.xml", "/sitemap-trials.xml")


class TestTriggers:
    def test_publish_purges_both_languages_and_lists_once_committed(
        self, site, purged, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            site[1].save_revision().publish()
        assert purged == []
        for callback in callbacks:
            callback()
        assert urls(*ARTICLE, *LISTS, *SITEMAP, "/en/feed/atom/") <= set(purged)

    def test_unpublish(self, site, purged, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            site[1].unpublish()
        assert urls(*ARTICLE, *LISTS) <= set(purged)

    def test_delete(self, site, purged, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            site[1].delete()
        assert urls(*ARTICLE, *LISTS) <= set(purged)

    def test_move_purges_old_and_new_addresses(
        self, site, purged, django_capture_on_commit_callbacks
    ):
        index, article = site
        second = index.add_sibling(
            instance=index.specific_class(
                title_zh_hans="专题", title_en="Topics", slug_zh_hans="topics", slug_en="topics"
            )
        )
        second.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            article.move(second, pos="last-child")
        paths = {url.removeprefix(ROOT) for url in purged}
        assert set(ARTICLE) <= paths or "/" in paths

    def test_site_settings_purge_the_whole_site(
        self, site, purged, django_capture_on_commit_callbacks
    ):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.telegram = "+86-139-0000-0000"
        with django_capture_on_commit_callbacks(execute=True):
            settings.save()
        assert purged == [f"{ROOT}/"]

    def test_a_snippet_purges_the_pages_that_cite_it(
        self, site, purged, django_capture_on_commit_callbacks
    ):
        article = site[1]
        category = Category.objects.create(name_zh_hans="临床", name_en="Clinical", slug="clinical")
        article.category = category
        article.save_revision().publish()
        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            category.name_en = "Clinic"
            category.save()
        assert urls(*ARTICLE, "/zh-hans/news/category/clinical/") <= set(purged)

    def test_a_renamed_tag_purges_its_articles_and_its_pages_at_both_slugs(
        self, site, purged, django_capture_on_commit_callbacks
    ):
        article = site[1]
        tag = ArticleTag.objects.create(name_zh_hans="干细胞", slug="干细胞")
        article.tags.add(tag)
        article.save_revision().publish()
        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            tag.name_en = "Stem cells"
            tag.slug = "stem-cells"
            tag.save()
        pages = ("/zh-hans/news/tag/干细胞/", "/en/news/tag/stem-cells/", "/en/feed/tag/干细胞/")
        assert urls(*ARTICLE, *LISTS, *pages) <= set(purged)

    def test_a_deleted_tag_purges_its_articles(
        self, site, purged, django_capture_on_commit_callbacks
    ):
        article = site[1]
        tag = ArticleTag.objects.create(name_zh_hans="干细胞", name_en="Stem cells", slug="stem")
        article.tags.add(tag)
        article.save_revision().publish()
        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            tag.delete()
        assert urls(*ARTICLE, "/zh-hans/news/tag/stem/", "/en/feed/tag/stem/atom/") <= set(purged)

    def test_no_frontend_cache_configured_sends_nothing(
        self, site, django_capture_on_commit_callbacks
    ):
        with (
            mock.patch("cms.cache_invalidation.PurgeBatch") as batch,
            django_capture_on_commit_callbacks(execute=True),
        ):
            site[1].save_revision().publish()
        batch.assert_not_called()


class TestVarnishDown:
    @override_settings(
        WAGTAILFRONTENDCACHE={
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": "http://127.0.0.1:6081",
            }
        }
    )
    def test_refused_connections_never_break_a_publish(
        self, site, django_capture_on_commit_callbacks
    ):
        with (
            mock.patch(
                "wagtail.contrib.frontend_cache.backends.http.urlopen",
                side_effect=URLError("refused"),
            ) as urlopen,
            django_capture_on_commit_callbacks(execute=True),
        ):
            site[1].save_revision().publish()
        assert urlopen.called
        request = urlopen.call_args_list[0].args[0]
        assert request.get_method() == "PURGE"
        assert request.host == "127.0.0.1:6081"
        assert site[1].get_latest_revision().page.live

    @override_settings(
        WAGTAILFRONTENDCACHE={"broken": {"BACKEND": "tests.test_frontend_purge.FailingBackend"}}
    )
    def test_a_failing_backend_is_logged_not_raised(
        self, site, caplog, django_capture_on_commit_callbacks
    ):
        disclaimer = make_disclaimer()
        with django_capture_on_commit_callbacks(execute=True):
            site[1].save_revision().publish()
            disclaimer.save()
        assert "varnish is down" in caplog.text
        assert site[1].get_latest_revision().page.live


class TestMultiMachineSettings:
    def test_media_on_local_disk_by_default(self):
        assert media_storage_from_env({})["BACKEND"].endswith("FileSystemStorage")

    def test_media_in_an_s3_compatible_bucket_by_env(self):
        storage = media_storage_from_env(
            {"AWS_STORAGE_BUCKET_NAME": "cms-media", "AWS_S3_ENDPOINT_URL": "http://10.0.0.5:9000"}
        )
        assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
        options = storage["OPTIONS"]
        assert options["bucket_name"] == "cms-media"
        assert options["endpoint_url"] == "http://10.0.0.5:9000"
        assert options["querystring_auth"] is False
        assert "custom_domain" not in options

    def test_the_s3_backend_loads_with_those_options(self):
        storage = media_storage_from_env({"AWS_STORAGE_BUCKET_NAME": "cms-media"})
        backend = import_string(storage["BACKEND"])(**storage["OPTIONS"])
        assert backend.bucket_name == "cms-media"
        assert "X-Amz-Signature" not in backend.url("images/a.png")


VARNISHTEST = shutil.which("varnishtest") or shutil.which("varnishtest", path="/usr/bin:/usr/sbin")
VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "default.vcl"


@pytest.mark.skipif(VARNISHTEST is None, reason="Debian's varnish is not installed")
def test_the_project_vcl_under_varnishtest(tmp_path):
    """The VCL's behaviour against a scripted backend (Varnish's own test tool, on loopback)."""
    vcl = re.sub(r"\s*\.probe = \{[^}]*\}", "", VCL.read_text())
    vcl = vcl.replace(
        '.host = "127.0.0.1"; .port = "8101";', '.host = "${s1_addr}"; .port = "${s1_port}";'
    )
    vcl = vcl.replace(
        '.host = "127.0.0.1"; .port = "8102";', '.host = "${s1_addr}"; .port = "${s1_port}";'
    )
    vcl = vcl.replace("    nodes.add_backend(node2);\n", "")
    vcl = vcl.replace("vcl 4.1;", "")
    script = (Path(__file__).parent / "varnish" / "default.vtc").read_text()
    test = tmp_path / "default.vtc"
    test.write_text(script.replace("VCL_BODY", vcl))
    result = subprocess.run(  # noqa: S603 (Debian's varnishtest, our own script)
        [VARNISHTEST, "-q", str(test)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
