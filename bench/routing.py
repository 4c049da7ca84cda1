"""Article request speed against the number of sibling articles, ours versus upstream routing.

Builds N articles under one news index in a throwaway database (SQLite by default; PostgreSQL
when DATABASE_URL names it), then requests random articles in both languages through Django's
test client and prints requests/second and queries per request.

    .venv/bin/python bench/routing.py                 # N = 10, 1000, 10000
    .venv/bin/python bench/routing.py --sizes 10 300 --requests 100
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h4 .venv/bin/python bench/routing.py
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/bench-routing.sqlite3")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail_modeltranslation import patch_wagtailadmin  # noqa: E402

from articles.models import ArticlePage  # noqa: E402
from tests.factories import make_site, paragraph  # noqa: E402
from translations.adoption import translated_page_models  # noqa: E402

LANGUAGES = [("zh-hans", ""), ("en", "-en")]
WIDTHS = (9, 7, 11, 8, 14, 14, 11)


def add_articles(index, start, stop):
    """Add live articles start..stop-1 under `index` (no revisions: only routing is measured)."""
    with transaction.atomic(), translation.override("zh-hans"):
        for n in range(start, stop):
            index.add_child(
                instance=ArticlePage(
                    title_zh_hans=f"干细胞新闻{n}",
                    slug_zh_hans=f"article-{n}",
                    summary_zh_hans=f"摘要{n}",
                    body_zh_hans=paragraph(f"正文{n}"),
                    title_en=f"Stem cell news {n}",
                    slug_en=f"article-{n}-en",
                    summary_en=f"Summary {n}",
                    body_en=paragraph(f"Body {n}"),
                    date=datetime.date(2000, 1, 1) + datetime.timedelta(days=n),
                    live=True,
                )
            )
            index = Page.objects.get(pk=index.pk)


def use_route(function):
    """Route every translated page model with `function` (None: our own TranslatedPage.route)."""
    for model in translated_page_models():
        if function is not None:
            model.route = function
        elif "route" in model.__dict__:
            del model.route


def route_time(size, requests):
    """Mean milliseconds for routing alone (no rendering) to random articles in both languages."""
    factory = RequestFactory()
    root = Site.objects.get(is_default_site=True).root_page.specific
    started = time.perf_counter()
    for language, suffix in LANGUAGES * (requests // 2):
        slug = f"article-{random.randint(1, size)}{suffix}"
        with translation.override(language):
            root.route(factory.get(f"/{language}/news/{slug}/"), ["news", slug])
    return (time.perf_counter() - started) * 1000 / requests


def measure(client, size, requests):
    """(requests per second, queries per request) for random article requests in both languages."""
    paths = [
        f"/{language}/news/article-{random.randint(1, size)}{suffix}/"
        for language, suffix in LANGUAGES
        for _ in range(requests // 2)
    ]
    for path in paths[:4]:  # warm per-process caches
        client.get(path)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
    elapsed = time.perf_counter() - started
    return len(paths) / elapsed, len(queries) / len(paths), route_time(size, requests)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 1000, 10000])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--no-upstream", action="store_true", help="skip upstream routing")
    options = parser.parse_args()

    setup_test_environment()
    settings.DEBUG = False
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        _home, index = make_site()
        client = Client()
        built = 0
        rows = []
        for size in sorted(options.sizes):
            add_articles(index, built + 1, size + 1)
            built = size
            use_route(None)
            ours = measure(client, size, options.requests)
            upstream = (None, None, None)
            if not options.no_upstream:
                use_route(patch_wagtailadmin._new_route)
                upstream = measure(client, size, options.requests)
                use_route(None)
            rows.append((size, *ours, *upstream))
            print(f"built and measured N={size}", file=sys.stderr)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"database: {connection.vendor}, {options.requests} requests per row, zh-hans and en")
    headings = ("articles", "req/s", "queries/req", "route ms", "upstream req/s", "upstream q/req")
    headings += ("upstream ms",)
    print(" | ".join(f"{name:>{width}}" for name, width in zip(headings, WIDTHS, strict=True)))
    for size, rps, qpr, ms, up_rps, up_qpr, up_ms in rows:
        upstream = f"{up_rps:14.1f} | {up_qpr:14.1f} | {up_ms:11.2f}" if up_rps else "-"
        print(f"{size:9d} | {rps:7.1f} | {qpr:11.1f} | {ms:8.2f} | {upstream}")


if __name__ == "__main__":
    main()
