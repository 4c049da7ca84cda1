"""The 客服 (enquiries) group: admin access, form submissions, and editing the contact pages."""

from django.db import migrations

GROUP_NAME = "客服"
SUBMISSION_PERMISSIONS = {
    "view_formsubmission": "Can view form submission",
    "delete_formsubmission": "Can delete form submission",
}


def create_enquiries_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ContactPage = apps.get_model("cms", "ContactPage")

    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    # On a fresh database Django creates model permissions only after every migration has run.
    submission_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailforms", model="formsubmission"
    )
    for codename, name in SUBMISSION_PERMISSIONS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=submission_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    change_page = Permission.objects.get(
        content_type__app_label="wagtailcore", codename="change_page"
    )
    # Ids only: a historical form page cannot be instantiated (FormMixin needs its template).
    for page_id in ContactPage.objects.values_list("pk", flat=True):
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=change_page
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_move_sitesettings_to_publisher"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [migrations.RunPython(create_enquiries_group, migrations.RunPython.noop)]
