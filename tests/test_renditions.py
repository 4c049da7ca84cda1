"""Responsive images: AVIF, WebP and a fallback in several sizes, made before any reader asks."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from articles.models import SHARE_IMAGE_SPEC
from images.renditions import make_renditions, template_specs
from tests.factories import make_article, make_image
from tests.test_query_counts import figure_body

pytestmark = pytest.mark.django_db

ARTICLE_PATH = "/zh-hans/news/article-1/"


def rendition_specs(image):
    """The filter specs of the renditions stored for `image`."""
    return set(image.renditions.values_list("filter_spec", flat=True))


def pictures(html):
    """Each <picture> element of the page."""
    return re.findall(r"<picture>.*?</picture>", html, re.DOTALL)


class TestSpecs:
    def test_every_template_image_is_responsive(self):
        specs = template_specs()
        for size in ("width-480", "width-960", "fill-480x270", "fill-960x540", "height-48"):
            assert {f"format-avif|{size}", f"format-webp|{size}"} <= set(specs), size
        assert {"format-jpeg|width-960", "format-jpeg|fill-480x270", "format-png|height-48"} <= set(
            specs
        )

    def test_an_upload_makes_every_rendition_the_templates_show(self):
        image = make_image(width=1200, height=800)
        assert rendition_specs(image) == set(template_specs())
        avif = image.renditions.get(filter_spec="format-avif|width-960")
        assert avif.file.name.endswith(".avif")
        assert (avif.width, avif.height) == (960, 640)

    def test_a_broken_file_gives_placeholders_not_an_error(self, caplog):
        image = make_image()
        image.file.storage.delete(image.file.name)
        image.renditions.all().delete()
        cache.clear()
        make_renditions(get_image_model().objects.get(pk=image.pk))
        assert not image.renditions.exists()
        assert "cannot be rendered" in caplog.text


class TestArticleImages:
    @pytest.fixture
    def published(self, site_tree):
        """An article with a lead image and a figure, both uploaded before any rendition."""
        _home, index = site_tree
        lead, figure = make_image("头图", 1200, 800), make_image("图一", 900, 600)
        get_image_model().get_rendition_model().objects.all().delete()
        article = make_article(index, 1, lead_image=lead, body=figure_body(figure))
        return article, lead, figure

    def test_publishing_makes_the_renditions_of_its_images(self, published):
        _article, lead, figure = published
        assert rendition_specs(lead) == {*template_specs(), SHARE_IMAGE_SPEC}
        assert rendition_specs(figure) == set(template_specs())

    @pytest.mark.parametrize("path", [ARTICLE_PATH, "/en/news/article-1-en/", "/zh-hans/news/"])
    def test_the_first_view_after_publishing_makes_no_rendition(self, client, published, path):
        renditions = get_image_model().get_rendition_model()
        before = renditions.objects.count()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        assert renditions.objects.count() == before
        inserts = [q["sql"] for q in queries if q["sql"].startswith("INSERT")]
        assert not inserts

    def test_images_offer_avif_webp_and_a_fallback_with_sizes(self, client, published):
        html = client.get(ARTICLE_PATH).text
        lead, figure = pictures(html)
        for picture in (lead, figure):
            assert re.search(r'<source [^>]* \d+w" type="image/avif">', picture)
            assert re.search(r'<source [^>]* \d+w" type="image/webp">', picture)
            assert re.search(r'<img [^>]*src="[^"]+\.jpg"', picture)
            assert 'sizes="(min-width: 46rem) 44rem, 100vw"' in picture
        assert re.search(r'<img [^>]*height="320"[^>]*width="480"', lead)
        assert re.search(r'<img [^>]*height="320"[^>]*width="480"', figure)
        assert 'loading="eager"' in lead
        assert 'loading="lazy"' in figure
        assert 'alt="图"' in figure

    def test_cards_offer_avif_webp_and_a_fallback(self, client, published):
        (card,) = pictures(client.get("/zh-hans/news/").text)
        assert 'type="image/avif"' in card
        assert 'type="image/webp"' in card
        assert re.search(r'<img [^>]*class="article-card-image"[^>]*height="270"', card)
        assert ".fill-960x540.jpg 960w" in card
