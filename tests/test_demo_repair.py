"""`manage.py load_demo` repairs lost files and rebuilds on purpose, each on a demo of its own."""

import pytest
from wagtail.images import get_image_model
from wagtail.models import Site

from articles.models import ArticlePage
from cms.demo.site import SITE_SETTINGS
from publisher.models import SiteSettings
from tests.test_demo import ARTICLE_TITLES, load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_article(db):
    """The depression article of a demo site built for this test alone: the test deletes files."""
    load_demo()
    return ArticlePage.objects.get(title_zh_hans=ARTICLE_TITLES[1])


@pytest.fixture
def home(seed_article):
    """The demo's home page."""
    return Site.objects.get(is_default_site=True).root_page.specific


def test_reset_rebuilds_the_demo_over_an_edit(home, seed_article):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.hotline = "400-000-1234"
    site_settings.save()
    seed_article.summary_zh_hans = "编辑改过的摘要"
    seed_article.save_revision().publish()

    output = load_demo("--reset", "--noinput")

    new_home = Site.objects.get(is_default_site=True).root_page.specific
    assert new_home.pk != home.pk
    assert SiteSettings.for_site(new_home.get_site()).hotline == SITE_SETTINGS["hotline"]
    rebuilt = ArticlePage.objects.get(slug_zh_hans=seed_article.slug_zh_hans)
    assert rebuilt.summary_zh_hans != "编辑改过的摘要"
    assert get_image_model().objects.count() == 2
    assert "0 restored" in output
    assert load_demo().startswith("Demo site: nothing to do")


def test_a_run_redraws_a_demo_image_whose_file_was_lost(seed_article):
    image = seed_article.lead_image
    image.file.storage.delete(image.file.name)
    images = get_image_model().objects.count()

    output = load_demo()

    image.refresh_from_db()
    assert image.file.storage.exists(image.file.name)
    assert get_image_model().objects.count() == images
    assert "1 restored" in output
