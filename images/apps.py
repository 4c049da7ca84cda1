"""The image library: Wagtail's image model with checked uploads and renditions that never fail."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    """The site's images and their renditions."""

    name = "images"
    verbose_name = _("Images")

    def ready(self):
        from images import signals  # noqa: PLC0415 (models load after apps)

        signals.connect()
