"""Redis connections that stop waiting for Redis for a while once it has failed several times.

A stopped Redis refuses at once, but a frozen one (a stuck process, a full disk, a lost network)
lets every call wait for the socket timeout, and a page makes a few dozen cache calls: it took
seconds. The `circuitbreaker` library's breaker opens after FAILURES failures in a row; while it
is open every connect and read fails at once (django-redis's IGNORE_EXCEPTIONS turns that into a
cache miss), and after RECOVERY seconds the next calls try Redis again. One breaker per process:
the cache is this project's one Redis.
"""

import logging

from circuitbreaker import CircuitBreaker
from redis import connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

FAILURES = 3
RECOVERY = 5

logger = logging.getLogger("cms.cache")


class RedisCircuit(CircuitBreaker):
    """Opens on Redis being unreachable or silent, not on an error Redis answers with."""

    FAILURE_THRESHOLD = FAILURES
    RECOVERY_TIMEOUT = RECOVERY
    EXPECTED_EXCEPTION = (RedisConnectionError, RedisTimeoutError, OSError)


circuit = RedisCircuit(name="redis-cache")


class CircuitOpenError(RedisConnectionError):
    """A call not made because Redis has just been failing."""


def guarded(call, *args, **kwargs):
    """`call(*args, **kwargs)`, counted by the circuit; refused at once while it is open."""
    if circuit.opened:
        raise CircuitOpenError("Redis has been failing: not tried for now")
    try:
        return circuit.call(call, *args, **kwargs)
    except Exception:
        if circuit.opened:
            logger.warning(
                "Redis failed %d times in a row: the cache is skipped for %d s",
                circuit.failure_count,
                RECOVERY,
            )
        raise


class SkippedCallFilter(logging.Filter):
    """Drops django-redis's report of each call the open circuit refused (one warning said it)."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(getattr(error, "__cause__", None), CircuitOpenError)


class CircuitMixin:
    """A redis-py connection whose connects and reads go through the circuit."""

    connecting = False

    def connect(self):
        """Connect (its handshake counted once), unless Redis has just been failing."""
        self.connecting = True
        try:
            return guarded(super().connect)
        finally:
            self.connecting = False

    def read_response(self, *args, **kwargs):
        """Read a reply, unless Redis has just been failing (then drop the pending reply)."""
        if self.connecting:
            return super().read_response(*args, **kwargs)
        if circuit.opened:
            self.disconnect()
        return guarded(super().read_response, *args, **kwargs)


class CircuitConnection(CircuitMixin, connection.Connection):
    """redis:// through the circuit."""


class CircuitSSLConnection(CircuitMixin, connection.SSLConnection):
    """rediss:// through the circuit."""


class CircuitUnixConnection(CircuitMixin, connection.UnixDomainSocketConnection):
    """unix:// through the circuit."""


CONNECTION_CLASSES = {
    "redis": CircuitConnection,
    "rediss": CircuitSSLConnection,
    "unix": CircuitUnixConnection,
}


def connection_class(url):
    """The circuit's connection class for a Redis URL's scheme."""
    return CONNECTION_CLASSES[url.split(":", 1)[0]]
