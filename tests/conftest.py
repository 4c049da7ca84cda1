"""Shared fixtures: a fresh site tree per test that asks for it."""

import pytest

from tests.factories import make_site


@pytest.fixture
def site_tree(db):
    """A home page with settings and an empty news index."""
    return make_site()
