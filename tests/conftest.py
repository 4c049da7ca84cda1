"""Shared fixtures: a fresh site tree, a published article and an editor using the English admin."""

from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.factories import make_article, make_site


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language; no request leaks its language into the next."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache.

    Wagtail caches site root paths and renditions by id, and ids are handed out again once a
    test's transaction is rolled back.
    """
    cache.clear()


@contextmanager
def rolled_back(django_db_blocker):
    """Database access for data shared by several tests, undone when they are done."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture(scope="class")
def class_db(django_db_setup, django_db_blocker):
    """Read-only data built once for a test class and rolled back after it."""
    with rolled_back(django_db_blocker):
        yield


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Read-only data built once for a test module and rolled back after it."""
    with rolled_back(django_db_blocker):
        yield


@pytest.fixture
def site_tree(db):
    """A home page with settings and an empty news index."""
    return make_site()


@pytest.fixture
def english_admin(client, django_user_model):
    """A logged-in superuser with the admin in English."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def article(site_tree):
    """A published, translated article."""
    _home, index = site_tree
    return make_article(index, 1)
