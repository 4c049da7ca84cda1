"""Receivers: an uploaded or changed image gets its renditions before any reader asks."""

from django.db.models.signals import post_save

from images.models import CustomImage
from images.renditions import make_renditions

# Saves that change neither the picture nor its crop (Wagtail records the file's size and hash).
BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def image_saved(sender, instance, update_fields=None, **kwargs):
    """Make the templates' renditions of a new or changed image (focal point, new file)."""
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    make_renditions(instance)


def connect():
    """Connect the receivers (from the app's ready())."""
    post_save.connect(image_saved, sender=CustomImage, dispatch_uid="images_make_renditions")
