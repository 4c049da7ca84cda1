"""SiteSettings now lives in publisher (same table): drop it from cms's state only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0002_contactpage_sitesettings_social_links_formfield'),
        ('publisher', '0001_move_sitesettings_to_publisher'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='SiteSettings')],
        ),
    ]
