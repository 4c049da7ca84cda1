"""Shared fixtures: a fresh site tree, a published article and an editor using the English admin."""

import pytest
from wagtail.users.models import UserProfile

from tests.factories import make_article, make_site


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
