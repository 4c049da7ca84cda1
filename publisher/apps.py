"""The publisher app: site settings every page and every article reads."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublisherConfig(AppConfig):
    """The publisher's identity and contact details."""

    name = "publisher"
    verbose_name = _("Publisher")
