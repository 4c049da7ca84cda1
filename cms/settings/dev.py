"""Settings for `make run`: the site's own error pages, a local secret, mail on the console."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, LOGGING, env_bool, os

# Readers of the demo see the site's own 404 and 500 pages; DEBUG=1 brings Django's back.
DEBUG = env_bool("DEBUG", default=False)
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
# Without DEBUG, runserver serves no files: WhiteNoise serves static files from the apps' folders
# and cms/urls.py the uploads (never in production, where nginx or S3 does).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
