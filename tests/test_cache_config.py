"""The cache comes from CACHE_URL or REDIS_URL; with Redis the contact rate limit is shared."""

import os

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

from cms.settings.base import cache_from_env
from tests.factories import make_contact_page, post

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


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
def redis_cache(settings, monkeypatch):
    """Point the default cache at a real Redis database, emptied before and after."""
    monkeypatch.setenv("REDIS_URL", REDIS_URL)
    settings.CACHES = {"default": cache_from_env()}
    cache = caches["default"]
    cache.clear()
    yield cache
    cache.clear()


@pytest.mark.django_db
def test_the_contact_rate_limit_counts_in_redis(client, site_tree, redis_cache):
    home, _index = site_tree
    make_contact_page(home)
    for _n in range(5):
        assert post(client).status_code == 200
    assert post(client).status_code == 429
    assert any(
        b"cms.contact" in key or b"rl:" in key for key in redis_cache.client.get_client().keys("*")
    )
