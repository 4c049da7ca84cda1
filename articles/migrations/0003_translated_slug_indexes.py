"""Index the per-language slug columns that routing looks children up by."""

from django.db import migrations

LANGUAGE_SUFFIXES = ("zh_hans", "en")


def add_slug_indexes(apps, schema_editor):
    """Create the indexes, first adding the slug columns on a new database.

    wagtail_modeltranslation adds Page's translation columns after all migrations have run, so on a
    fresh database they do not exist yet; its later sync skips columns that are already there.
    """
    from wagtail.models import Page  # noqa: PLC0415 (the historical model has no translations)

    connection = schema_editor.connection
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(cursor, "wagtailcore_page")
        }
    for suffix in LANGUAGE_SUFFIXES:
        field = Page._meta.get_field(f"slug_{suffix}").clone()
        field.set_attributes_from_name(f"slug_{suffix}")
        field.db_index = False
        field.model = Page
        if field.column not in columns:
            schema_editor.add_field(Page, field)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS articles_page_slug_{suffix}_idx "
            f"ON wagtailcore_page (slug_{suffix})"
        )


def drop_slug_indexes(apps, schema_editor):
    """Drop the indexes, leaving the columns to wagtail_modeltranslation."""
    for suffix in LANGUAGE_SUFFIXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS articles_page_slug_{suffix}_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_articlepage_translated_en"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_slug_indexes, drop_slug_indexes)]
