"""Shared fixtures: a fresh site tree, a published article and an editor using the English admin."""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.factories import make_article, make_site


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language; no request leaks its language into the next."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


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
