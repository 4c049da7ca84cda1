"""Copy Wagtail's images into the site's image model, keeping their ids, tags and permissions.

StreamField blocks and foreign keys store image ids, so each image keeps its primary key. Rows of
wagtailimages.Image are left in place (nothing reads them any more), which keeps this reversible.
"""

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations

IMAGE_FIELDS = (
    "id", "title", "file", "description", "width", "height", "created_at", "uploaded_by_user_id",
    "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height", "file_size",
    "file_hash", "collection_id",
)
RENDITION_FIELDS = ("filter_spec", "file", "width", "height", "focal_point_key", "image_id")
# Generic relations to an image: (app, model, content-type field).
GENERIC_RELATIONS = (
    ("wagtailcore", "ReferenceIndex", "to_content_type"),
    ("wagtailcore", "ModelLogEntry", "content_type"),
    ("wagtailsearch", "IndexEntry", "content_type"),
)
BATCH = 500


def content_type(apps, app_label, model):
    """The content type of a model, created if post_migrate has not made it yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def copy_rows(rows, target):
    """Insert `rows` (dicts of field values) into `target`."""
    target.objects.bulk_create((target(**row) for row in rows.iterator()), batch_size=BATCH)


def copy_permissions(apps, old_type, new_type):
    """Give every group and user the same rights on the new images as on the old ones."""
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    for old in Permission.objects.filter(content_type=old_type):
        codename = old.codename.replace("_image", "_customimage")
        if old.codename == "choose_image":
            codename = "choose_image"
        new, _created = Permission.objects.get_or_create(
            content_type=new_type, codename=codename, defaults={"name": old.name}
        )
        for group in Group.objects.filter(permissions=old):
            group.permissions.add(new)
        for user in User.objects.filter(user_permissions=old):
            user.user_permissions.add(new)
        for grant in GroupCollectionPermission.objects.filter(permission=old):
            GroupCollectionPermission.objects.get_or_create(
                group_id=grant.group_id, collection_id=grant.collection_id, permission=new
            )


def repoint(apps, from_type, to_type):
    """Point tags, references, log entries and search entries of images at `to_type`."""
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    for tagged in TaggedItem.objects.filter(content_type=from_type):
        TaggedItem.objects.get_or_create(
            content_type=to_type, object_id=tagged.object_id, tag_id=tagged.tag_id
        )
    for app_label, model, field in GENERIC_RELATIONS:
        apps.get_model(app_label, model).objects.filter(**{field: from_type}).update(
            **{field: to_type}
        )


def copy_images(apps, schema_editor):
    """Copy images and renditions with their ids, then move everything that points at them."""
    OldImage = apps.get_model("wagtailimages", "Image")
    NewImage = apps.get_model("images", "CustomImage")
    OldRendition = apps.get_model("wagtailimages", "Rendition")
    NewRendition = apps.get_model("images", "CustomRendition")
    existing = set(NewImage.objects.values_list("pk", flat=True))
    copy_rows(OldImage.objects.exclude(pk__in=existing).order_by("pk").values(*IMAGE_FIELDS), NewImage)
    copy_rows(
        OldRendition.objects.exclude(image_id__in=existing).values(*RENDITION_FIELDS), NewRendition
    )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [NewImage, NewRendition]):
            cursor.execute(sql)
    old_type = content_type(apps, "wagtailimages", "image")
    new_type = content_type(apps, "images", "customimage")
    copy_permissions(apps, old_type, new_type)
    repoint(apps, old_type, new_type)


def point_back(apps, schema_editor):
    """Undo the moves of references, log and search entries (the copied rows go with the table)."""
    repoint(
        apps,
        content_type(apps, "images", "customimage"),
        content_type(apps, "wagtailimages", "image"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_images, point_back)]
