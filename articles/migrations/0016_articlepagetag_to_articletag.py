"""Articles' tags point at ArticleTag (copied with the same pks in 0015)."""

import django.db.models.deletion
from django.db import migrations, models

import articles.models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_articletag"),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlepage',
            name='tags',
            field=articles.models.ArticleTagsField(blank=True, help_text='A comma-separated list of tags.', through='articles.ArticlePageTag', to='articles.ArticleTag', verbose_name='tags'),
        ),
        migrations.AlterField(
            model_name='articlepagetag',
            name='tag',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_articles', to='articles.articletag'),
        ),
    ]
