"""Browser fixtures: Debian's chromium driven by Playwright against a live server with the demo."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.browser.journey import AXE_SOURCE, SCREENSHOTS, Journey

# Playwright's sync API runs an event loop in the test's thread, and Django refuses ORM calls
# from a thread with a running loop unless told that this one is safe (nothing else runs in it).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, a test database in a file, which each of the live server's threads opens."""
    # Django gives an in-memory database's one connection to every thread of the live server, and
    # two requests at once (a page and its icon sprite) then fail: "database table is locked".
    database = django_settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        folder = tmp_path_factory.mktemp("database")
        database.setdefault("TEST", {})["NAME"] = str(folder / "browser-tests.sqlite3")


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium (`make test-deps` installs it); never a browser Playwright downloads."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test-deps`.")
    if not AXE_SOURCE.exists():
        pytest.fail(f"{AXE_SOURCE} is missing: run `make node_modules/.installed`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


@pytest.fixture
def demo(live_server, settings, tmp_path):
    """The demo site for this test, committed (the live server sees it) and its images served."""
    # On disk, not in memory as elsewhere in the tests, so that pages and screenshots show them.
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.ROOT_URLCONF = "tests.browser.urls"
    call_command("load_demo", verbosity=0)
    return live_server


@pytest.fixture
def journey_for(browser, demo, request):
    """Open a journey: a browser context in `locale`, its screenshots under SCREENSHOTS/`name`."""
    contexts = []

    def open_journey(name, locale):
        context = browser.new_context(
            base_url=demo.url, locale=locale, viewport=Journey.WIDE, timezone_id="Asia/Shanghai"
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        shutil.rmtree(SCREENSHOTS / name, ignore_errors=True)
        return Journey(context.new_page(), SCREENSHOTS / name)

    yield open_journey
    for context in contexts:
        context.close()
