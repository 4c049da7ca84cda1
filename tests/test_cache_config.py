"""The cache comes from CACHE_URL or REDIS_URL; Redis shares the rate limit; an outage is a miss."""

import logging
import threading

import circuitbreaker
import pytest
import redis
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

from cms.models import ContactSubmission
from cms.settings.base import cache_from_env
from common import redis_circuit
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
    # The circuit is per process: each test starts and leaves it closed.
    redis_circuit.circuit.reset()
    yield caches["default"]
    caches["default"].close()
    redis_circuit.circuit.reset()


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
@pytest.mark.usefixtures("site_with_pages")
def test_with_redis_down_pages_answer_enquiries_are_kept_and_it_recovers_by_itself(
    client, redis_cache, redis_server, caplog, monkeypatch
):
    assert answers(client) == ([200] * 5, 1)
    redis_server.stop()

    with caplog.at_level(logging.ERROR, logger="cms.cache"):
        assert answers(client) == ([200] * 5, 2)
    assert any(r.name == "cms.cache" for r in caplog.records)  # each miss is logged

    redis_server.start()  # same port, empty, and the site was not restarted
    later(monkeypatch, redis_circuit.RECOVERY + 1)  # the circuit tries Redis again
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


@pytest.mark.parametrize(
    ("url", "connection_class"),
    [
        ("redis://127.0.0.1:6379/1", redis_circuit.CircuitConnection),
        ("rediss://cache.example.org:6380/0", redis_circuit.CircuitSSLConnection),
        ("unix:///run/redis/redis.sock?db=1", redis_circuit.CircuitUnixConnection),
    ],
)
def test_every_redis_connection_goes_through_the_circuit(monkeypatch, url, connection_class):
    monkeypatch.setenv("CACHE_URL", url)
    options = cache_from_env()["OPTIONS"]
    assert options["CONNECTION_POOL_KWARGS"]["connection_class"] is connection_class


def later(monkeypatch, seconds):
    """Move the circuit's clock `seconds` on."""
    now = circuitbreaker.monotonic()
    monkeypatch.setattr(circuitbreaker, "monotonic", lambda: now + seconds)


def test_a_frozen_redis_opens_the_circuit_which_tries_again_after_the_recovery_time(
    redis_cache, redis_server, monkeypatch
):
    redis_cache.set("greeting", "你好")
    redis_server.freeze()
    try:
        for _call in range(redis_circuit.FAILURES):
            assert redis_cache.get("greeting") is None
        assert redis_circuit.circuit.opened
    finally:
        redis_server.thaw()

    # Redis answers again, but the open circuit does not ask it yet: no call waits on it.
    assert redis_cache.get("greeting") is None
    later(monkeypatch, redis_circuit.RECOVERY + 1)
    assert redis_cache.get("greeting") == "你好"
    assert redis_circuit.circuit.closed


def test_a_stopped_redis_opens_the_circuit_and_a_restarted_one_is_used_again(
    redis_cache, redis_server, monkeypatch
):
    redis_server.stop()
    for _call in range(redis_circuit.FAILURES):
        redis_cache.set("greeting", "你好")
    assert redis_circuit.circuit.opened

    redis_server.start()
    later(monkeypatch, redis_circuit.RECOVERY + 1)
    redis_cache.set("greeting", "你好")
    assert redis_cache.get("greeting") == "你好"


def test_an_error_redis_answers_with_does_not_open_the_circuit(redis_cache):
    client = redis_cache.client.get_client()
    client.lpush("a-list", "x")
    for _call in range(redis_circuit.FAILURES + 1):
        with pytest.raises(redis.ResponseError):
            client.incr("a-list")
    assert redis_circuit.circuit.closed


def test_an_open_circuit_says_so_once_instead_of_logging_every_refused_call(
    redis_cache, redis_server, caplog
):
    redis_server.freeze()
    try:
        with caplog.at_level(logging.INFO, logger="cms.cache"):
            for _call in range(redis_circuit.FAILURES + 20):
                redis_cache.get("greeting")
    finally:
        redis_server.thaw()

    messages = [record.getMessage() for record in caplog.records if record.name == "cms.cache"]
    assert messages.count("Exception ignored") == redis_circuit.FAILURES
    assert messages.count("Redis failed 3 times in a row: the cache is skipped for 5 s") == 1
