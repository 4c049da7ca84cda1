"""A private redis-server on a free loopback port, to stop and freeze (never the shared one)."""

import shutil
import signal
import socket
import subprocess
import time

import redis

REDIS_SERVER = shutil.which("redis-server")
NO_PERSISTENCE = ["--save", "", "--appendonly", "no"]


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """One redis-server process without persistence that a test can stop, restart and freeze."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        """Start the server on its port and wait until it answers."""
        self.process = subprocess.Popen(  # noqa: S603 (the Debian binary, fixed arguments)
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", *NO_PERSISTENCE],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_timeout=1)
        for _attempt in range(100):
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not answer on port {self.port}")

    def stop(self):
        """Stop the server (as a crash or a restart would), thawing it first if frozen."""
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait()
            self.process = None

    def freeze(self):
        """Suspend the server: connections are accepted by the kernel but never answered."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        """Resume a frozen server."""
        self.process.send_signal(signal.SIGCONT)

    def stored_keys(self):
        """Every key the server holds."""
        return redis.Redis.from_url(self.url, socket_timeout=1).keys("*")
