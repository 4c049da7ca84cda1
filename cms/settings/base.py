"""Settings shared by every environment; secrets and hosts come from the environment."""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext

from common import redis_circuit

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# What a release is made of, for the caches: code, templates, styles, scripts and translations.
RELEASE_SUFFIXES = {".py", ".html", ".css", ".js", ".svg", ".po"}
# Directories that are no part of what readers are shown (or not ours).
RELEASE_SKIPPED = {"bench", "docs", "media", "node_modules", "staticfiles", "tests"}


def source_release(root):
    """A short hash of the sources under `root`, so that no cache entry outlives its code."""
    digest = hashlib.blake2b(digest_size=8)
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if name not in RELEASE_SKIPPED and not name.startswith((".", "__"))
        )
        for name in sorted(files):
            path = Path(directory, name)
            if path.suffix in RELEASE_SUFFIXES:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


# Pages, fragments and settings cached by another release are never read (RELEASE: e.g. a tag).
RELEASE = os.environ.get("RELEASE") or source_release(BASE_DIR)


def env_bool(name, default=False):
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # wagtail_modeltranslation patches Wagtail's models, so it must load before them.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    # Our apps, top layer first: cms (site) → articles (news) → the shared lower layers.
    "cms",
    "articles",
    "translations",
    "search",
    "seo",
    "publisher",
    "images",
    "registry",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_honeypot",
    "django_tasks",
    "django_tasks_db",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "translations.middleware.LocaleMiddleware",
    "translations.middleware.AdminChineseByDefaultMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

SQLITE_OPTIONS = {
    # Readers never wait for a writer, and a writer does not block readers.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    # Each transaction takes the write lock when it begins, so two saves queue for it instead of
    # one failing with "database is locked" when both try to upgrade a read to a write.
    "transaction_mode": "IMMEDIATE",
    # Seconds a save waits for the lock (an autosave of a long article) before giving up.
    "timeout": 20,
}


def database_from_env(url=None):
    """DATABASE_URL (default: db.sqlite3) as settings; SQLite is set up for concurrent saves."""
    config = dj_database_url.parse(
        url or os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    # Each request is one transaction, so a failure mid-request never leaves half-saved content.
    config["ATOMIC_REQUESTS"] = True
    return config


DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# A Redis that is down or frozen costs at most this per cache call (loopback answers in <1 ms).
REDIS_TIMEOUT = 0.1


def cache_from_env():
    """Use Redis when CACHE_URL or REDIS_URL names it, else a per-process memory cache."""
    url = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
    if url and url.startswith(("redis://", "rediss://", "unix://")):
        return {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "cms",
            "TIMEOUT": 300,
            "OPTIONS": {
                # The cache only speeds pages up: with Redis down every read is a miss, not a 500.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT,
                # After a few failures in a row calls stop waiting on Redis for a few seconds.
                "CONNECTION_POOL_KWARGS": {"connection_class": redis_circuit.connection_class(url)},
            },
        }
    if url and not url.startswith("locmem://"):
        raise ImproperlyConfigured(f"Unsupported CACHE_URL scheme: {url.split(':', 1)[0]}")
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cms"}


CACHES = {"default": cache_from_env()}
# Each cache call that Redis failed is logged (logger cms.cache) instead of raised.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "cms.cache"

# --- Page cache and HTTP caching (cms.page_cache, cms.cache_invalidation) -------------------
# Anonymous readers' pages are kept whole in the default cache, per URL (the path carries the
# language), and purged exactly when what they show changes; PAGE_CACHE=0 turns it off.
PAGE_CACHE = env_bool("PAGE_CACHE", default=True)
PAGE_CACHE_ALIAS = "default"
# Cache-Control of public pages: browsers revalidate after a minute (ETag → 304); shared caches
# (this cache, Varnish) keep a page for ten minutes unless a change purges it first.
PAGE_CACHE_BROWSER_MAX_AGE = 60
PAGE_CACHE_SHARED_MAX_AGE = 600
# Never cached whoever asks: the admins (and their previews), search results, the language switch,
# the API (its listings change with any page, and no purge knows them).
PAGE_CACHE_EXCLUDE_PATHS = [
    r"^/admin/",
    r"^/api/",
    r"^/django-admin/",
    r"^/documents/",
    r"^/i18n/",
    r"^/language/",
    r"^/[\w-]+/search/",
]
# Public pages of a snippet of its own, purged when it changes (besides the pages citing it):
# patterns formatted with the language, the object's pk and the object itself.
PAGE_CACHE_OBJECT_URLS = {
    # A trial's pages, the list of trials, and the sitemap's trials section with its index.
    "registry.clinicaltrial": (
        "/{language}/trials/{object.url_key}/",
        "/{language}/trials/",
        "/sitemap-trials.xml",
        "/sitemap.xml",
    ),
}
# Varnish in front (deploy/varnish/default.vcl): the address it takes PURGE requests on.
if os.environ.get("VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["VARNISH_URL"],
        }
    }

# The contact form's rate limit: counted in the cache by client address; with the cache down it
# lets posts through rather than refusing every visitor.
RATELIMIT_FAIL_OPEN = True
RATELIMIT_IP_META_KEY = "cms.client_ip.client_ip"
# Reverse proxies whose X-Real-IP / X-Forwarded-For name the client (addresses or networks).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# Wagtail's own tasks (reference index, file clean-up) run at once, as before; contact-form
# notifications are queued in the database and sent by `manage.py db_worker --backend mail`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Seconds before each further try of a notification that failed; then it is marked failed.
CONTACT_NOTIFICATION_RETRY_DELAYS = (60, 300, 1800)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Simplified Chinese is the default and the fallback for every translated field.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# The project's strings, then the Wagtail admin strings Wagtail's zh_Hans lacks; both win over
# the packages' catalogues, the first over the second.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "zh-hans"
MODELTRANSLATION_LANGUAGES = ("zh-hans", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("zh-hans",)}
# How the admin names each language next to a translated field (never the raw code "[zh-hans]").
ADMIN_LANGUAGE_LABELS = {"zh-hans": "中文", "en": "English"}


def localized_verbose_name(verbose_name, language):
    """The label of a translated field's column, e.g. "摘要（中文）", "Summary (English)"."""
    return gettext("%(field)s (%(language)s)") % {
        "field": verbose_name,
        "language": ADMIN_LANGUAGE_LABELS.get(language, language),
    }


# modeltranslation calls it lazily, when a label is shown in the editor's language.
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = localized_verbose_name
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "django_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"


def media_storage_from_env(environ=os.environ):
    """Uploads on local disk, or in an S3-compatible bucket (django-storages) for several nodes."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        # The bucket's own address (or a proxy host serving it), never a third-party CDN.
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        # Public URLs without signatures, so cached pages keep working image addresses.
        "querystring_auth": False,
        "file_overwrite": False,
    }
    # Credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables; the
    # bucket's policy decides who reads (no per-object ACL).
    options = {key: value for key, value in options.items() if value is not None}
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options | {"default_acl": None}}


STORAGES = {
    "default": media_storage_from_env(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Bodies larger than this get a 400 before any view runs.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "杭吉干细胞资讯"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_i18n.AdminLoginForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Editors see both languages of a field side by side instead of switching between them.
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False
# translations keeps every language's old URL by its own redirects; Wagtail's automatic ones know
# only the unprefixed path, which no public URL has.
WAGTAILREDIRECTS_AUTO_CREATE = False
# search.backend segments Chinese and stems English in the index and in queries, then hands them to
# Wagtail's database backend. PostgreSQL's "simple" configuration adds no stemming of its own, so
# SQLite and PostgreSQL find the same articles (SQLite ignores the setting).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "simple"}}
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.forms.ImageForm"
# Uploads are decoded in full before they are stored (images.forms), so these bound the memory
# one upload or one rendition can take.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "txt"]

# The claims check: saving an article that uses one of these warns the editor (it is not refused).
# Terms that Chinese medical-advertising rules forbid or that overstate the evidence, per language;
# Latin-script terms match whole words only, whatever their case.
ARTICLE_CLAIM_WARNINGS = {
    "zh-hans": [
        "治愈",
        "根治",
        "保证",
        "无副作用",
        "100%有效",
        "抗衰老",
        "包治",
        "药到病除",
        "彻底治好",
        "神效",
    ],
    "en": [
        "cure",
        "cures",
        "cured",
        "guarantee",
        "guaranteed",
        "no side effects",
        "100% effective",
        "anti-ageing",
        "anti-aging",
        "miracle",
    ],
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"redis_circuit": {"()": "common.redis_circuit.SkippedCallFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "cms": {"level": "INFO"},
        "cms.cache": {"level": "INFO", "filters": ["redis_circuit"]},
        "articles": {"level": "INFO"},
        "django_tasks_db": {"level": "INFO"},
    },
}

WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "cms.widgets.StrictDraftailRichTextArea"},
}

# --- Security: sign-in lockout, Content-Security-Policy, Permissions-Policy ------------------
INSTALLED_APPS += ["axes", "csp"]
_security_at = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE[_security_at:_security_at] = [
    "cms.security.AdminAwareCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
]
# Last, so it sees the sign-in views' failures and answers with cms.security.lockout_response.
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one address lock that pair for 15 minutes;
# a correct sign-in clears the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.security.lockout_response"
# Count failed sign-ins by the same client address as the contact form (TRUSTED_PROXIES aware).
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_ip"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin templates carry inline scripts and style attributes, show embed thumbnails,
# Gravatar avatars and embed previews from other sites, preview pages in a frame of its own,
# and asks releases.wagtail.org for a newer version.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "frame-src": ["'self'", "https:"],
        "connect-src": ["'self'", "https://releases.wagtail.org"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ]
}
LANGUAGE_COOKIE_SAMESITE = "Lax"
# No script reads the language cookie: the switcher is a plain link to cms.views.switch_language.
LANGUAGE_COOKIE_HTTPONLY = True

# --- Compression, conditional GETs and the page cache -----------------------------------------
# Compression outside ConditionalGet (the ETag is of the uncompressed body), both outside the
# page cache, which is outside everything else but the security headers and static files: a
# page it keeps carries the CSP, Permissions-Policy and language headers it was made with, and
# a hit skips the sessions, locale, CSRF, authentication and messages middleware.
MIDDLEWARE.remove("whitenoise.middleware.WhiteNoiseMiddleware")
MIDDLEWARE[1:1] = [
    # Static files first: their own compressed copies and caching headers, no page cache.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "compression_middleware.middleware.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "cms.page_cache.PageCacheMiddleware",
]
# Files are streamed, so never kept: not even looked up.
PAGE_CACHE_EXCLUDE_PATHS += [rf"^{STATIC_URL}", rf"^{MEDIA_URL}"]
