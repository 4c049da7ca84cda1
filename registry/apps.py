"""The registry app: medical facts (trials, publications) entered once."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    """Clinical trials and publications that articles cite."""

    name = "registry"
    verbose_name = _("Registry")
    default_auto_field = "django.db.models.BigAutoField"
