"""The production recipe on loopback: Varnish → two gunicorn nodes → PostgreSQL + Redis; one table.

Usage: .venv/bin/python bench/stack.py [--seconds 10] [--connections 16]
Needs Debian's varnish and wrk (installed with apt-get when missing), PostgreSQL at
DATABASE_URL (default postgres://postgres@127.0.0.1:5432/pagecache) and redis-server.
Starts everything on free loopback ports, loads the demo, publishes a change, measures how soon
Varnish shows it and how fast each layer serves the article, then stops what it started.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
ARTICLE = "/zh-hans/news/stem-cells-depression/"
ENGLISH_ARTICLE = "/en/news/stem-cells-depression/"
# The demo site's hostname: Wagtail purges absolute URLs of it, so readers ask for it too.
HOST = "localhost"
PUBLISH = """
import sys, time
from django.utils import translation
from articles.models import ArticlePage
with translation.override("zh-hans"):
    page = ArticlePage.objects.live().get(slug_en="stem-cells-depression")
    page.title_en = sys.argv[1]
    page.save_revision().publish()
print(time.time())
"""


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_debian_packages():
    """Install Debian's varnish and wrk when missing."""
    missing = [name for name, tool in (("varnish", "varnishd"), ("wrk", "wrk")) if not find(tool)]
    if missing:
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True)


def find(tool):
    """The path of a Debian tool (varnishd lives in /usr/sbin)."""
    return shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/usr/bin")


def ensure_database(url):
    """Create the stack's PostgreSQL database when it does not exist."""
    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def fetch(port, path, host=HOST):
    """GET `path` on a loopback port; the status, headers and body."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, response.headers, response.read().decode()


def wait_for(port, path="/robots.txt", seconds=120):
    """Wait until the service on `port` answers `path` (any HTTP status)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            fetch(port, path)
            return
        except urllib.error.HTTPError as error:
            raise SystemExit(f"Port {port} answered {path} with {error.code}") from error
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"Nothing answered on port {port} within {seconds} s")


class Stack:
    """The processes this script started, stopped in reverse order."""

    def __init__(self, work):
        self.work = work
        self.processes = []

    def start(self, name, command, env=None):
        """Start a process, its output in the work directory."""
        log = (self.work / f"{name}.log").open("w")
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def stop(self):
        """Stop every process it started, by its own process id."""
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in reversed(self.processes):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def manage(env, *args):
    """Run a management command with the stack's environment; its output."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return result.stdout


def app_env(database_url, redis_url, varnish_port, **extra):
    """Production settings for one node."""
    return (
        os.environ
        | {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "stack-only-" + os.urandom(16).hex(),
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "VARNISH_URL": f"http://127.0.0.1:{varnish_port}",
            "WAGTAILADMIN_BASE_URL": f"http://{HOST}",
        }
        | extra
    )


def write_vcl(work, node_ports):
    """The project's VCL with the nodes' ports of this run."""
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    for default, port in zip(("8101", "8102"), node_ports, strict=True):
        vcl = vcl.replace(f'.port = "{default}"', f'.port = "{port}"')
    path = work / "default.vcl"
    path.write_text(vcl)
    # varnishd compiles the VCL as its own unprivileged user.
    work.chmod(0o755)
    path.chmod(0o644)
    return path


def wrk(port, path, seconds, connections):
    """Requests/s, p50 and p99 latency of `path` on `port` under Debian's wrk."""
    output = subprocess.run(
        [
            find("wrk"),
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            f"Host: {HOST}",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, p50, p99, int(errors.group(1)) if errors else 0


def publish_latency(env, varnish_port):
    """Seconds from a publish's commit until Varnish serves the new English title."""
    fetch(varnish_port, ENGLISH_ARTICLE)
    _status, headers, _body = fetch(varnish_port, ENGLISH_ARTICLE)
    warmed = headers.get("X-Cache")
    title = f"Stem cells and depression (edited {time.time():.0f})"
    committed = float(publish(env, title))
    while True:
        _status, headers, body = fetch(varnish_port, ENGLISH_ARTICLE)
        if title in body:
            return time.time() - committed, warmed, headers.get("X-Cache")
        if time.time() - committed > 10:
            return None, warmed, headers.get("X-Cache")
        time.sleep(0.005)


def publish(env, title):
    """Publish a new English title in a separate process; the commit time it prints."""
    result = subprocess.run(
        [PYTHON, "-c", "import django; django.setup(); exec(open(0).read())", title],
        input=PUBLISH,
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


def main():
    """Start the stack, measure, print the table, stop the stack."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    ensure_debian_packages()
    database_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pagecache")
    ensure_database(database_url)
    work = Path(tempfile.mkdtemp(prefix="cms-stack-"))
    stack = Stack(work)
    redis_port, varnish_port = free_port(), free_port()
    node_ports = [free_port(), free_port()]
    uncached_port = free_port()
    env = app_env(database_url, f"redis://127.0.0.1:{redis_port}/0", varnish_port)
    try:
        stack.start(
            "redis",
            [
                find("redis-server"),
                "--port",
                str(redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
        )
        print("Setting up: migrate, demo content, static files, messages", file=sys.stderr)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_demo", "--noinput")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        manage(env, "compilemessages", "--ignore=.venv", "-v", "0")
        for n, port in enumerate(node_ports, 1):
            stack.start(
                f"node{n}",
                [
                    GUNICORN,
                    "cms.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    "--log-level",
                    "warning",
                ],
                env,
            )
        stack.start(
            "uncached",
            [
                GUNICORN,
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{uncached_port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            env | {"PAGE_CACHE": "0"},
        )
        for port in [*node_ports, uncached_port]:
            wait_for(port)
        stack.start(
            "varnish",
            [
                find("varnishd"),
                "-F",
                "-n",
                str(work / "varnish"),
                "-a",
                f"127.0.0.1:{varnish_port}",
                "-f",
                str(write_vcl(work, node_ports)),
                "-s",
                "malloc,64m",
            ],
        )
        wait_for(varnish_port)
        # Production nodes are warm: each worker has served pages before the publish.
        for port in [*node_ports, uncached_port]:
            for _ in range(8):
                for path in (ARTICLE, ENGLISH_ARTICLE):
                    fetch(port, path)
        latency, warmed, after = publish_latency(env, varnish_port)
        rows = []
        for label, port in (
            ("gunicorn, page cache off (PAGE_CACHE=0)", uncached_port),
            ("gunicorn node, page cache in Redis", node_ports[0]),
            ("Varnish in front of both nodes", varnish_port),
        ):
            fetch(port, ARTICLE)
            rows.append((label, *wrk(port, ARTICLE, options.seconds, options.connections)))
    finally:
        stack.stop()
    print(
        f"\nSeed article {ARTICLE}, wrk -t2 -c{options.connections} -d{options.seconds}s, "
        "loopback, production settings, PostgreSQL + Redis, 2 workers per node\n"
    )
    print(f"| {'Served by':42} | {'req/s':>8} | {'p50':>8} | {'p99':>8} | {'non-2xx':>7} |")
    print(f"|{'-' * 44}|{'-' * 10}|{'-' * 10}|{'-' * 10}|{'-' * 9}|")
    for label, rate, p50, p99, errors in rows:
        print(f"| {label:42} | {rate:8.1f} | {p50:>8} | {p99:>8} | {errors:7d} |")
    shown = "not within 10 s" if latency is None else f"{latency * 1000:.0f} ms"
    print(
        f"\nPublish → visible through Varnish: {shown} "
        f"(before: Varnish {warmed}; after: {after}); logs in {work}"
    )


if __name__ == "__main__":
    main()
