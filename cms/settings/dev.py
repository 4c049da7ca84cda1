"""Settings for `make run`: debug on, a per-checkout secret, mail printed to the console."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, LOGGING, os

DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]


def _local_secret():
    """Read, or create once, a random secret kept out of the repository."""
    path = BASE_DIR / ".local" / "secret_key"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret()
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# `make run` prints only the site and admin addresses, then requests; not the reloader's banner.
LOGGING["loggers"]["django.utils.autoreload"] = {"level": "WARNING"}
