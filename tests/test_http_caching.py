"""Public pages carry validators and shared-cache lifetimes, answer 304s and come compressed."""

import gzip

import brotli
import pytest

from tests.factories import make_article, make_contact_page, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The page cache as in production (the test settings turn it off for other tests)."""
    settings.PAGE_CACHE = True


PUBLIC_PAGES = {
    "home": "/zh-hans/",
    "news index": "/en/news/",
    "article": "/zh-hans/news/article-1/",
    "English article": "/en/news/article-1-en/",
    "RSS feed": "/zh-hans/feed/",
    "Atom feed": "/en/feed/atom/",
    # The index is too small to compress; its pages are not.
    "sitemap page": "/sitemap-pages.xml",
}


@pytest.fixture(scope="module")
def site(module_db):
    """A home page, the news index with articles, and the contact page."""
    home, index = make_site()
    for n in range(1, 4):
        make_article(index, n)
    make_contact_page(home)
    return home


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
class TestPublicPages:
    def test_shared_caches_keep_it_and_browsers_revalidate_soon(self, site, client, path):
        response = client.get(path)
        assert response.status_code == 200
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"public", "max-age=60", "s-maxage=600"} <= directives
        assert response["ETag"]

    def test_a_conditional_get_is_answered_304(self, site, client, path):
        etag = client.get(path)["ETag"]
        response = client.get(path, headers={"if-none-match": etag})
        assert response.status_code == 304
        assert response.content == b""

    def test_a_stale_etag_gets_the_page(self, site, client, path):
        response = client.get(path, headers={"if-none-match": '"stale"'})
        assert response.status_code == 200

    def test_gzip_decodes_to_the_page(self, site, client, path):
        plain = client.get(path).content
        response = client.get(path, headers={"accept-encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content) == plain

    def test_brotli_when_asked(self, site, client, path):
        plain = client.get(path).content
        response = client.get(path, headers={"accept-encoding": "br, gzip;q=0.5"})
        assert response["Content-Encoding"] == "br"
        assert brotli.decompress(response.content) == plain

    def test_compressed_304_keeps_the_etag(self, site, client, path):
        etag = client.get(path, headers={"accept-encoding": "gzip"})["ETag"]
        response = client.get(path, headers={"accept-encoding": "gzip", "if-none-match": etag})
        assert response.status_code == 304


class TestPrivateResponses:
    def test_contact_form_is_never_stored(self, site, client):
        response = client.get("/zh-hans/contact/", headers={"accept-encoding": "gzip"})
        assert response.status_code == 200
        cache_control = response["Cache-Control"]
        assert "no-store" in cache_control
        assert "private" in cache_control
        assert "public" not in cache_control
        # Compressed: the token is masked afresh for every response (Django's BREACH defence).
        assert response["Content-Encoding"] == "gzip"
        first = gzip.decompress(response.content)
        second = gzip.decompress(
            client.get("/zh-hans/contact/", headers={"accept-encoding": "gzip"}).content
        )
        assert first != second

    def test_signed_in_readers_get_private_pages(self, site, client, django_user_model):
        client.force_login(django_user_model.objects.create_user("reader", password="x" * 12))
        response = client.get(PUBLIC_PAGES["article"])
        assert "private" in response["Cache-Control"]
        assert "s-maxage" not in response["Cache-Control"]

    def test_not_found_is_private(self, site, client):
        response = client.get("/en/news/no-such-article/")
        assert response.status_code == 404
        assert "no-store" in response["Cache-Control"]

    def test_language_redirect_is_private(self, site, client):
        response = client.get("/", headers={"accept-language": "en"})
        assert response.status_code == 302
        assert "public" not in response["Cache-Control"]

    def test_search_is_private(self, site, client):
        response = client.get("/zh-hans/search/", {"q": "干细胞"})
        assert response.status_code == 200
        assert "public" not in response["Cache-Control"]

    def test_a_post_is_never_public(self, site, client):
        response = client.post("/zh-hans/news/article-1/")
        assert "public" not in response.get("Cache-Control", "")
