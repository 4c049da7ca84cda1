"""Articles' own tag model, named in each language: the tags articles carry move to it."""

from django.core.management.color import no_style
from django.db import migrations, models


def copy_article_tags(apps, schema_editor):
    """Each taggit tag an article carries becomes an ArticleTag with its pk, name and slug."""
    Tag = apps.get_model("taggit", "Tag")
    ArticleTag = apps.get_model("articles", "ArticleTag")
    ArticlePageTag = apps.get_model("articles", "ArticlePageTag")
    used = ArticlePageTag.objects.values("tag_id")
    ArticleTag.objects.bulk_create(
        ArticleTag(pk=tag.pk, name=tag.name, name_zh_hans=tag.name, slug=tag.slug)
        for tag in Tag.objects.filter(pk__in=used).order_by("pk")
    )
    # Rows inserted with their own pks leave PostgreSQL's sequence behind them.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [ArticleTag]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_cite_records_in_old_bodies"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    # Reversed, the taggit tags are still there (images share them): nothing to copy back.
    operations = [
        migrations.CreateModel(
            name='ArticleTag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='Without an English name the tag is not shown on English pages.', max_length=100, unique=True, verbose_name='name')),
                ('name_zh_hans', models.CharField(help_text='Without an English name the tag is not shown on English pages.', max_length=100, null=True, unique=True, verbose_name='name')),
                ('name_en', models.CharField(help_text='Without an English name the tag is not shown on English pages.', max_length=100, null=True, unique=True, verbose_name='name')),
                ('slug', models.SlugField(allow_unicode=True, help_text="The end of the tag page's address: letters, digits, hyphens or underscores.", max_length=100, unique=True, verbose_name='slug')),
            ],
            options={
                'verbose_name': 'tag',
                'verbose_name_plural': 'tags',
            },
        ),
        migrations.RunPython(copy_article_tags, migrations.RunPython.noop),
    ]
