"""The 医学审核 / Medical review workflow, its reviewers' group, assigned to every news index."""

from django.db import migrations

from articles.review_workflow import assign_review_workflow


def install_medical_review(apps, schema_editor):
    NewsIndexPage = apps.get_model("articles", "NewsIndexPage")
    assign_review_workflow(apps, NewsIndexPage.objects.values_list("pk", flat=True))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_medical_reviewer_and_article_review"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(install_medical_review, migrations.RunPython.noop)]
