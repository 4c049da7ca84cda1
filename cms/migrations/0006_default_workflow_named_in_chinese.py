"""Wagtail's default workflow and its task, named in Chinese unless someone renamed them already.

Editors read the name on every page's "submit to …" button.
"""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
CHINESE_NAME = "审核员审批"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def name_in_chinese(apps, schema_editor):
    rename(apps, WAGTAIL_NAME, CHINESE_NAME)


def name_in_english(apps, schema_editor):
    rename(apps, CHINESE_NAME, WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_contactsubmission_delivery_status"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(name_in_chinese, name_in_english)]
