import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0007_body_blocks_package_and_strict_rich_text'),
        ('images', '0002_copy_wagtail_images'),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlepage',
            name='lead_image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='images.customimage', verbose_name='lead image'),
        ),
    ]
