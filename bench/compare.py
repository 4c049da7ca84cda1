"""Old commit against new in one run: uncached pages at 10 and 10,000 articles, SQLite, PostgreSQL.

Usage: .venv/bin/python bench/compare.py [--old COMMIT] [--seconds 10] [--connections 8]
       QUICK=1 .venv/bin/python bench/compare.py          # 3 s per page, SQLite only
The old commit is checked out with `git worktree` under /tmp; the new one is this checkout (with
its uncommitted changes). For each commit and database it migrates, loads the demo, adds
articles in bulk (seconds) up to each size, then for every page measures in process the SQL
queries and the median render time, and over loopback (gunicorn, 2 sync workers, production
settings, PAGE_CACHE=0, wrk) req/s and p50/p99, and the largest worker RSS after the load.
One extra row per commit serves the article from the page cache (PAGE_CACHE=1). Prints one table.
PostgreSQL at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test_speed) is dropped
and created again.
"""

import argparse
import json
import math
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/test_speed"
PAGES = [
    ("article zh", "article_zh"),
    ("article en", "article_en"),
    ("news index p1", "index"),
    ("news index last", "index_last"),
    ("category", "category"),
    ("home", "home"),
    ("feed", "feed"),
    ("sitemap", "sitemap"),
]
# Rows measured in process only: an editor's publish, then a reader's first view of the article.
PUBLISH_ROWS = [
    ("publish (in process)", "publish"),
    ("article zh, first view after publish", "article_zh_published"),
    ("article en, first view after publish", "article_en_published"),
]
HOST = "localhost"
NAN = float("nan")


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def base_env(tree, database_url, work, page_cache="0"):
    """The production environment of one commit's tree on one database."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="bench-only-" + "x" * 50,
        DATABASE_URL=database_url,
        ALLOWED_HOSTS=f"{HOST},127.0.0.1,testserver",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT=str(work / "media"),
        PAGE_CACHE=page_cache,
        PYTHONPATH=str(tree),
    )
    env.pop("CACHE_URL", None)
    env.pop("REDIS_URL", None)
    return env


def run(tree, env, *args, capture=False):
    """Run `args` in `tree` with `env`; stdout when `capture`."""
    result = subprocess.run(args, cwd=tree, env=env, check=True, text=True, capture_output=True)
    return result.stdout if capture else None


def prepare_tree(commit, work):
    """A checkout of `commit` under /tmp (None: this checkout), compiled messages and static."""
    if commit is None:
        tree = ROOT
    else:
        tree = Path(tempfile.mkdtemp(prefix="bench-old-", dir="/tmp"))
        tree.rmdir()
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit],
            check=True,
            capture_output=True,
        )
        (tree / ".venv").symlink_to(ROOT / ".venv")
    env = base_env(tree, "sqlite:///" + str(work / "static.sqlite3"), work)
    python = str(ROOT / ".venv" / "bin" / "python")
    run(tree, env, python, "manage.py", "compilemessages", "--ignore=.venv", "-v", "0")
    run(tree, env, python, "manage.py", "collectstatic", "--noinput", "-v", "0")
    return tree


def remove_tree(tree):
    """Remove an old commit's worktree."""
    if tree != ROOT:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False
        )


def fresh_database(kind, work, label):
    """The URL of an empty database of `kind` (sqlite or postgres)."""
    if kind == "sqlite":
        return "sqlite:///" + str(work / f"{label}.sqlite3")
    import psycopg

    url = os.environ.get("DATABASE_URL", DEFAULT_PG)
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def site_step(tree, env, size):
    """Grow the site to `size` articles and measure every page in process (JSON)."""
    python = str(ROOT / ".venv" / "bin" / "python")
    out = run(tree, env, python, str(Path(__file__).resolve()), "--site", str(size), capture=True)
    return json.loads(out.strip().splitlines()[-1])


class Gunicorn:
    """gunicorn with 2 sync workers on a free loopback port."""

    def __init__(self, tree, env):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=tree,
            env=env,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                self.get("/robots.txt")
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def get(self, path):
        """GET `path` with the site's host name."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}")
        request.add_header("Host", HOST)
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.read()

    def worker_rss(self):
        """The largest resident set of the workers, MiB."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
        return max(sizes)

    def stop(self):
        """Stop gunicorn (this process started it)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            # Workers still inside a slow request: gunicorn waits its timeout for them.
            self.process.kill()
            self.process.wait()


def wrk(port, path, seconds, connections):
    """(req/s, p50 ms, p99 ms) of `path` under wrk."""
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--latency",
            "-H",
            f"Host: {HOST}",
            f"http://127.0.0.1:{port}{path}",
        ],
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rps, latency(out, "50%"), latency(out, "99%")


def latency(out, percentile):
    """A percentile of wrk's latency distribution, in ms (NaN when every request timed out)."""
    found = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", out)
    if found is None:
        return float("nan")
    value, unit = found.groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def measure(tree, env, site, options, cached=False):
    """Rows (page, queries, ms, req/s, p50, p99) and the worker RSS for one site state."""
    server = Gunicorn(tree, env)
    rows = []
    try:
        pages = PAGES[:1] if cached else PAGES
        for label, key in pages:
            path = site["paths"][key]
            try:
                for _ in range(2):
                    server.get(path)
            except OSError as error:  # a 500 or a timeout: reported in the table, not fatal
                rows.append((label, "error", str(error)[:40], NAN, NAN, NAN))
                continue
            rps, p50, p99 = wrk(server.port, path, options.seconds, options.connections)
            queries, ms = ("-", "-") if cached else (site["queries"][key], site["ms"][key])
            rows.append((label + (" (page cache)" if cached else ""), queries, ms, rps, p50, p99))
        return rows, server.worker_rss()
    finally:
        server.stop()


def bench_commit(name, commit, options, work):
    """Every row of one commit."""
    tree = prepare_tree(commit, work)
    python = str(ROOT / ".venv" / "bin" / "python")
    table = []
    try:
        for kind in options.databases:
            url = fresh_database(kind, work, f"{name}-{kind}")
            env = base_env(tree, url, work)
            run(tree, env, python, "manage.py", "migrate", "--noinput", "-v", "0")
            run(tree, env, python, "manage.py", "load_demo", "--noinput")
            for size in options.sizes:
                started = time.perf_counter()
                site = site_step(tree, env, size)
                print(
                    f"{name} {kind} {size}: built in {time.perf_counter() - started:.1f} s "
                    f"({site['built']:.1f} s for the bulk insert)",
                    file=sys.stderr,
                )
                rows, rss = measure(tree, env, site, options)
                table += [(name, kind, size, *row, rss) for row in rows]
                table += [
                    (name, kind, size, label, site["queries"][key], site["ms"][key], *[NAN] * 4)
                    for label, key in PUBLISH_ROWS
                ]
                if size == options.sizes[0] and kind == options.databases[0]:
                    cached_env = base_env(tree, url, work, page_cache="1")
                    rows, rss = measure(tree, cached_env, site, options, cached=True)
                    table += [(name, kind, size, *row, rss) for row in rows]
    finally:
        remove_tree(tree)
    return table


def print_table(table, options):
    """The one table, Markdown."""
    print(
        f"wrk -t2 -c{options.connections} -d{options.seconds}s, gunicorn 2 sync workers, "
        "production settings, PAGE_CACHE=0 unless marked; ms = median in-process render"
    )
    head = (
        "commit",
        "database",
        "articles",
        "page",
        "queries",
        "ms",
        "req/s",
        "p50 ms",
        "p99 ms",
        "worker MiB",
    )
    print("| " + " | ".join(head) + " |")
    print("| " + " | ".join(["---"] * 4 + ["---:"] * 6) + " |")
    for commit, db, size, page, queries, ms, rps, p50, p99, rss in table:
        print(
            f"| {commit} | {db} | {size:,} | {page} | {queries} | {number(ms, '.1f')} | "
            f"{number(rps, ',.1f')} | {number(p50, '.1f')} | {number(p99, '.1f')} | "
            f"{number(rss, '.0f')} |"
        )


def number(value, spec):
    """`value` formatted by `spec`; "-" for what was not measured, text as it is."""
    if isinstance(value, str):
        return value
    return "-" if math.isnan(value) else format(value, spec)


def main():
    quick = os.environ.get("QUICK") == "1"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--old", default=None, help="the commit to compare against (default: where HEAD left main)"
    )
    parser.add_argument("--seconds", type=int, default=3 if quick else 10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 10000])
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite"] if quick else ["sqlite", "postgres"]
    )
    parser.add_argument("--site", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.site:
        return site_worker(options.site)
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    old = (
        options.old
        or subprocess.run(
            ["git", "-C", str(ROOT), "merge-base", "main", "HEAD"],
            check=True,
            text=True,
            capture_output=True,
        ).stdout.strip()
    )
    work = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    try:
        table = bench_commit(f"old {old[:7]}", old, options, work)
        table += bench_commit("new", None, options, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(table, options)
    return None


def timed(client, connection, path):
    """The queries and milliseconds of one GET of `path` by the test `client`."""
    counted = []

    def count(execute, *args):
        counted.append(1)
        return execute(*args)

    with connection.execute_wrapper(count):
        begin = time.perf_counter()
        client.get(path)
        return len(counted), (time.perf_counter() - begin) * 1000


def publish_then_view(seed, paths, timed_get, queries, ms):
    """An editor publishes the seed article again, then a reader opens it: medians of five."""
    publishes = []
    for key in ("article_zh", "article_en"):
        firsts = []
        for _ in range(5):
            begin = time.perf_counter()
            seed.save_revision().publish()
            publishes.append((time.perf_counter() - begin) * 1000)
            firsts.append(timed_get(paths[key]))
        queries[f"{key}_published"] = max(count for count, _ in firsts)
        ms[f"{key}_published"] = statistics.median(took for _, took in firsts)
    queries["publish"], ms["publish"] = "-", statistics.median(publishes)


def site_worker(size):
    """In a commit's tree: add bulk articles up to `size`, then measure each page in process."""
    import django

    sys.path.insert(0, os.getcwd())
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.utils import translation

    from articles.models import ArticlePage, Category, NewsIndexPage
    from tests.factories import bulk_articles

    index = NewsIndexPage.objects.get()
    category = Category.objects.first()
    count = ArticlePage.objects.count()
    started = time.perf_counter()
    if size > count:
        bulk_articles(index, range(100_000 + count, 100_000 + size), category=category)
    built = time.perf_counter() - started
    seed = ArticlePage.objects.filter(slug_en="stem-cells-depression").first() or (
        ArticlePage.objects.first()
    )
    with translation.override("zh-hans"):
        article_zh, index_url = seed.get_url(), index.get_url()
        readable = ArticlePage.objects.live().filter(translated_en=True).count()
    with translation.override("en"):
        article_en = seed.get_url()
    last = -(-ArticlePage.objects.live().count() // NewsIndexPage.per_page)
    paths = {
        "article_zh": article_zh,
        "article_en": article_en,
        "index": index_url,
        "index_last": f"{index_url}?page={last}",
        "category": f"{index_url}category/{category.slug}/",
        "home": "/zh-hans/",
        "feed": "/zh-hans/feed/",
        "sitemap": "/sitemap.xml",
    }
    client = Client(HTTP_HOST=HOST)

    def timed_get(path):
        return timed(client, connection, path)

    queries, ms = {}, {}
    for key, path in paths.items():
        try:
            assert client.get(path).status_code == 200, path
        except Exception as error:
            queries[key], ms[key] = "error", type(error).__name__
            continue
        queries[key], first = timed_get(path)
        # Slow pages (a sitemap of 10,000 articles) are timed once.
        times = [first] + [timed_get(path)[1] for _ in range(6 if first < 500 else 0)]
        ms[key] = statistics.median(times)
    publish_then_view(seed, paths, timed_get, queries, ms)
    print(
        json.dumps(
            {"paths": paths, "queries": queries, "ms": ms, "built": built, "readable_en": readable}
        )
    )


if __name__ == "__main__":
    main()
