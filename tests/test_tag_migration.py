"""Migrations 0015 and 0016: articles' tags become ArticleTags with their pks, names and slugs."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import ArticlePage, ArticleTag
from tests.factories import make_article, make_site

# Migrating flushes the tables: restore the rows migrations made (Wagtail's root page) after each.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("articles", "0014_cite_records_in_old_bodies")]
AFTER = [("articles", "0016_articlepagetag_to_articletag")]


def migrate(targets):
    """Migrate the test database to `targets`; the app registry of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture
def migrated():
    """Two articles tagged before 0015 (one tag is an image's only), then migrated forward."""
    _home, index = make_site()
    first, second = make_article(index, 1), make_article(index, 2)
    old = migrate(BEFORE)
    try:
        tag_model = old.get_model("taggit", "Tag")
        through = old.get_model("articles", "ArticlePageTag")
        image_only = tag_model.objects.create(name="插图", slug="插图")
        depression = tag_model.objects.create(name="抑郁症", slug="抑郁症")
        stem_cells = tag_model.objects.create(name="干细胞", slug="stem-cells")
        for article, tag in [(first, depression), (first, stem_cells), (second, stem_cells)]:
            through.objects.create(content_object_id=article.pk, tag_id=tag.pk)
    finally:
        migrate(AFTER)
    return {
        "articles": (first, second),
        "tags": {"image_only": image_only, "depression": depression, "stem_cells": stem_cells},
    }


def test_each_article_tag_keeps_its_pk_name_and_slug(migrated):
    tags = migrated["tags"]
    copied = ArticleTag.objects.order_by("pk").values_list("pk", "name_zh_hans", "name_en", "slug")
    assert list(copied) == [
        (tags["depression"].pk, "抑郁症", None, "抑郁症"),
        (tags["stem_cells"].pk, "干细胞", None, "stem-cells"),
    ]


def test_articles_carry_the_same_tags(migrated):
    first, second = migrated["articles"]
    names = {
        article.pk: sorted(
            ArticlePage.objects.get(pk=article.pk).tags.values_list("slug", flat=True)
        )
        for article in (first, second)
    }
    assert names == {first.pk: ["stem-cells", "抑郁症"], second.pk: ["stem-cells"]}


def test_a_new_tag_gets_a_new_pk(migrated):
    new = ArticleTag.objects.create(name_zh_hans="心脏病", slug="heart-disease")
    assert new.pk > max(tag.pk for tag in migrated["tags"].values())


def test_the_old_tag_pages_still_answer(migrated, client):
    assert client.get("/zh-hans/news/tag/抑郁症/").status_code == 200
    assert client.get("/zh-hans/news/tag/stem-cells/").status_code == 200
