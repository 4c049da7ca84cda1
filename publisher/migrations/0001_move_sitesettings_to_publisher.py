"""SiteSettings moves from cms to publisher: its table, rows and permissions stay as they are."""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Keep the permissions granted on cms.SiteSettings by renaming its content type."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="cms", model="sitesettings").update(app_label="publisher")


def restore_content_type(apps, schema_editor):
    """The reverse of move_content_type."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="publisher", model="sitesettings").update(app_label="cms")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cms', '0002_contactpage_sitesettings_social_links_formfield'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.RunPython(move_content_type, restore_content_type),
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='SiteSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('site_name', models.CharField(default='杭吉干细胞资讯', max_length=100, verbose_name='site name')),
                ('site_name_zh_hans', models.CharField(default='杭吉干细胞资讯', max_length=100, null=True, verbose_name='site name')),
                ('site_name_en', models.CharField(default='杭吉干细胞资讯', max_length=100, null=True, verbose_name='site name')),
                ('tagline', models.CharField(blank=True, max_length=200, verbose_name='tagline')),
                ('tagline_zh_hans', models.CharField(blank=True, max_length=200, null=True, verbose_name='tagline')),
                ('tagline_en', models.CharField(blank=True, max_length=200, null=True, verbose_name='tagline')),
                ('address', models.CharField(blank=True, max_length=200, verbose_name='address')),
                ('address_zh_hans', models.CharField(blank=True, max_length=200, null=True, verbose_name='address')),
                ('address_en', models.CharField(blank=True, max_length=200, null=True, verbose_name='address')),
                ('hotline', models.CharField(blank=True, help_text='As readers dial it, e.g. 400-622-0089.', max_length=40, verbose_name='hotline')),
                ('telegram', models.CharField(blank=True, help_text='A phone number such as +86-139-6700-7000, or a @handle.', max_length=64, verbose_name='Telegram')),
                ('opening_hours', models.CharField(blank=True, max_length=200, verbose_name='opening hours')),
                ('opening_hours_zh_hans', models.CharField(blank=True, max_length=200, null=True, verbose_name='opening hours')),
                ('opening_hours_en', models.CharField(blank=True, max_length=200, null=True, verbose_name='opening hours')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='email')),
                ('icp_licence', models.CharField(blank=True, help_text='Shown in the footer when set.', max_length=100, verbose_name='ICP licence number')),
                ('default_disclaimer', models.TextField(help_text='Shown on every article that does not choose its own disclaimer.', verbose_name='default medical disclaimer')),
                ('default_disclaimer_zh_hans', models.TextField(help_text='Shown on every article that does not choose its own disclaimer.', null=True, verbose_name='default medical disclaimer')),
                ('default_disclaimer_en', models.TextField(help_text='Shown on every article that does not choose its own disclaimer.', null=True, verbose_name='default medical disclaimer')),
                ('social_links', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('weibo', 'Weibo'), ('wechat', 'WeChat'), ('zhihu', 'Zhihu'), ('bilibili', 'Bilibili'), ('douyin', 'Douyin'), ('youtube', 'YouTube'), ('x', 'X (Twitter)'), ('facebook', 'Facebook'), ('linkedin', 'LinkedIn'), ('other', 'Other')], 'label': 'Platform'}), 1: ('wagtail.blocks.URLBlock', (), {'label': 'Address (URL)'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to show the platform's name.", 'label': 'Label', 'max_length': 40, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('platform', 0), ('url', 1), ('label', 2)]], {})}, help_text="The publisher's accounts, shown in the footer.", verbose_name='social links')),
                ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'site settings',
                'db_table': 'cms_sitesettings',
            },
        )]),
    ]
