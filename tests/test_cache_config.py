"""The cache comes from CACHE_URL or REDIS_URL; Redis shares the rate limit; an outage is a miss."""

import logging
import threading

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

from cms.models import ContactSubmission
from cms.settings.base import cache_from_env
from tests.factories import make_article, make_contact_page, make_image, post
from tests.redis_server import REDIS_SERVER, RedisServer


@pytest.mark.parametrize("variable", ["CACHE_URL", "REDIS_URL"])
def test_a_redis_url_selects_django_redis(monkeypatch, variable):
    monkeypatch.delenv("CACHE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv(variable, "redis://127.0.0.1:6379/1")
    config = cache_from_env()
    assert config["BACKEND"] == "django_redis.cache.RedisCache"
    assert config["LOCATION"] == "redis://127.0.0.1:6379/1"


def test_no_url_means_a_memory_cache(monkeypatch):
    monkeypatch.delenv("CACHE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert cache_from_env()["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_an_unknown_scheme_is_refused(monkeypatch):
    monkeypatch.setenv("CACHE_URL", "memcached://127.0.0.1:11211")
    with pytest.raises(ImproperlyConfigured, match="Unsupported CACHE_URL scheme: memcached"):
        cache_from_env()


@pytest.fixture
def redis_server():
    """A private redis-server on a free port, stopped after the test."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(settings, monkeypatch, redis_server):
    """The site's cache configured from REDIS_URL, pointing at the private server."""
    monkeypatch.delenv("CACHE_URL", raising=False)
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    settings.CACHES = {"default": cache_from_env()}
    yield caches["default"]
    caches["default"].close()


@pytest.fixture
def site_with_pages(site_tree):
    """A home page listing an article with a picture (renditions are cached) and a contact page."""
    home, index = site_tree
    make_article(index, 1, lead_image=make_image())
    make_contact_page(home)
    return home


PAGES = ["/zh-hans/", "/en/", "/zh-hans/news/article-1/", "/zh-hans/contact/"]


def answers(client):
    """The status of each page and of a contact post, with the enquiries stored so far."""
    statuses = [client.get(url).status_code for url in PAGES] + [post(client).status_code]
    return statuses, ContactSubmission.objects.count()


@pytest.mark.django_db
def test_the_contact_rate_limit_counts_in_redis(client, site_with_pages, redis_cache, redis_server):
    for _n in range(5):
        assert post(client).status_code == 200
    assert post(client).status_code == 429
    assert any(key.startswith(b"cms:1:rl:") for key in redis_server.stored_keys())


@pytest.mark.django_db
def test_with_redis_down_pages_answer_enquiries_are_kept_and_it_recovers_by_itself(
    client, site_with_pages, redis_cache, redis_server, caplog
):
    assert answers(client) == ([200] * 5, 1)
    redis_server.stop()

    with caplog.at_level(logging.ERROR, logger="cms.cache"):
        assert answers(client) == ([200] * 5, 2)
    assert any(r.name == "cms.cache" for r in caplog.records)  # each miss is logged

    redis_server.start()  # same port, empty, and the site was not restarted
    assert answers(client) == ([200] * 5, 3)
    assert any(key.startswith(b"cms:1:") for key in redis_server.stored_keys())


@pytest.mark.django_db
def test_with_redis_frozen_requests_finish_before_it_thaws(
    client, site_with_pages, redis_cache, redis_server
):
    assert answers(client) == ([200] * 5, 1)
    redis_server.freeze()
    # Before the socket timeouts a frozen Redis held requests forever; thaw it eventually anyway.
    watchdog = threading.Timer(60, redis_server.thaw)
    watchdog.start()
    try:
        outcome = answers(client)
        still_frozen = watchdog.is_alive()
    finally:
        watchdog.cancel()
        redis_server.thaw()

    assert outcome == ([200] * 5, 2)
    assert still_frozen
    assert answers(client) == ([200] * 5, 3)
