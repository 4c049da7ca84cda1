"""`manage.py load_demo` repairs a demo site whose files were lost (on a demo site of its own)."""

import pytest
from wagtail.images import get_image_model

from articles.models import ArticlePage
from tests.test_demo import ARTICLE_TITLES, load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_article(db):
    """The depression article of a demo site built for this test alone: the test deletes files."""
    load_demo()
    return ArticlePage.objects.get(title_zh_hans=ARTICLE_TITLES[1])


def test_a_run_redraws_a_demo_image_whose_file_was_lost(seed_article):
    image = seed_article.lead_image
    image.file.storage.delete(image.file.name)
    images = get_image_model().objects.count()

    load_demo()

    image.refresh_from_db()
    assert image.file.storage.exists(image.file.name)
    assert get_image_model().objects.count() == images
