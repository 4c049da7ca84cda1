"""Find stored images an upload would now refuse; re-encode those whose only fault is metadata."""

import io
import os

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from images.uploads import checked_image_bytes


def repair(image):
    """'sound', 'repaired' or the reason `image` cannot be repaired."""
    try:
        with image.open_file() as f:
            data = f.read()
    except SourceImageIOError:
        return "file missing"
    try:
        checked = checked_image_bytes(data)
    except ValidationError as error:
        return " ".join(error.messages)
    if checked is data:
        return "sound"
    old_name = image.file.name
    with transaction.atomic():
        image.renditions.all().delete()
        image.file = ImageFile(io.BytesIO(checked), name=os.path.basename(old_name))
        image._set_image_file_metadata()
        image.save()
    image.file.storage.delete(old_name)
    return "repaired"


class Command(BaseCommand):
    """Check every library image the way an upload is checked and repair what can be repaired."""

    help = __doc__

    def handle(self, *args, **options):
        """Check each image and print the counts."""
        counts = {"sound": 0, "repaired": 0, "cannot repair": 0}
        for image in get_image_model().objects.order_by("pk").iterator():
            outcome = repair(image)
            if outcome in counts:
                counts[outcome] += 1
            else:
                counts["cannot repair"] += 1
                self.stdout.write(f"Cannot repair image {image.pk} ({image.title}): {outcome}")
        self.stdout.write(
            "Images checked: {total}; sound: {sound}; repaired: {repaired}; "
            "cannot repair: {cannot repair}.".format(total=sum(counts.values()), **counts)
        )
