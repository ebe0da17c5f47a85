"""Settings for Kratom Info. What differs between deployments is read from the environment (12-factor);
every variable is listed in docs/operations.md. The site's policies (comment rate limits and form timing, how long a
medical review stays current, login lockout) are fixed here, not read from the environment: changing one is a
reviewed commit, together with the docs that state it.

Nothing here reads the Host header: absolute links come from SITE_URL.
"""

import os
from pathlib import Path

import dj_database_url

from kratom_info.environment import env_bool, env_json, env_list, secret_key
from operations.database import postgres_options, sqlite_options
from operations.request_id import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG")

# DJANGO_SECRET_KEY: required, and strong, whenever debug is off (ImproperlyConfigured otherwise). The development
# key below is public: it is used only with debug on, and must never sign anything in production.
DEV_SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = secret_key(DEBUG, DEV_SECRET_KEY)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The admin's URL prefix, without slashes, so it can be moved away from /admin/.
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin").strip("/") + "/"

INSTALLED_APPS = [
    "staff.apps.StaffAdminConfig",  # django.contrib.admin, with our admin site (staff/admin.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "markdownx",
    "simple_history",
    "redirects",  # before editorial: an old slug's redirect is written before the content version moves on
    "editorial",
    "articles",
    "faq",
    "strains",
    "risks",
    "comments",
    "helplines",
    "wordpress",
    "operations",
    "staff",
    "demo",
    "page_cache",
]

MIDDLEWARE = [
    "operations.request_id.RequestIdMiddleware",
    "editorial.after_response.AfterResponseMiddleware",  # mail after the response: it never delays or times it
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "operations.middleware.ResourcePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "page_cache.middleware.PageCacheMiddleware",  # before sessions and auth: cached pages touch neither
    "operations.middleware.RequestCharsetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "operations.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
    "wordpress.links.WordPressLinksMiddleware",  # /?p=ID and the other old WordPress addresses
    "redirects.middleware.RedirectFallbackMiddleware",  # innermost: it sees the view's own 404
]

# Staff login: django-axes locks a username after 5 failures, and an address after 5 failures,
# separately, for an hour (429). `manage.py axes_reset` lifts a lock (docs/security.md).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The address is its rate-limit bucket (an IPv6 /64; any port or spelling), from editorial/net.py.
AXES_CLIENT_IP_CALLABLE = "editorial.net.axes_client_address"
# Whitelists nobody: a login whose address cannot be read gets a 400 instead of a shared lockout.
AXES_WHITELIST_CALLABLE = "editorial.net.axes_refuse_unknown_address"
AXES_HTTP_RESPONSE_CODE = 429
# Then a code from an authenticator app (django-otp, TOTP): required whenever debug is off.
STAFF_TWO_FACTOR = env_bool("DJANGO_STAFF_TWO_FACTOR", not DEBUG)
OTP_TOTP_ISSUER = os.environ.get("OTP_ISSUER", "Kratom Info")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin never shows a device's key or QR code

# Security headers. One CSP for the whole site, the admin and its Markdown editor included:
# no inline script or style anywhere, so nothing needs 'unsafe-inline'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # data: for the admin's own icons
        "font-src": ["'self'"],
        "connect-src": ["'self'"],  # the editor's live preview and uploads
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Production defaults (debug off): HTTPS only, HSTS for a year, cookies only over HTTPS.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True  # the Markdown editor reads the token from the form
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Only behind a proxy that sets X-Forwarded-Proto itself, and strips the client's (docs/operations.md).
if env_bool("DJANGO_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "mailto:security@example.org")

ROOT_URLCONF = "kratom_info.urls"
CSRF_FAILURE_VIEW = "kratom_info.views.csrf_failure"
WSGI_APPLICATION = "kratom_info.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "editorial.context_processors.site",
            ],
        },
    },
]

# Database: SQLite by default (zero set-up), PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=0, conn_health_checks=True
    )
}
# PostgreSQL's bounds, in seconds (0: none). All of them sit well under gunicorn's --timeout (30 s in
# docs/operations.md), so a slow, locked or hung database costs a request at most DATABASE_POOL_TIMEOUT +
# DATABASE_ANSWER_TIMEOUT (15 s), then the 503 page, never a worker killed mid-request and a dropped connection.
# The server enforces the statement and lock timeouts; a server that does not answer at all never does, so the
# client bounds the rest (operations/database.py). A long maintenance command can lift them:
# DATABASE_STATEMENT_TIMEOUT=0 python manage.py ...
DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "10"))
DATABASE_LOCK_TIMEOUT = float(os.environ.get("DATABASE_LOCK_TIMEOUT", "5"))
DATABASE_CONNECT_TIMEOUT = max(2, int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")))  # libpq: whole seconds
DATABASE_POOL_TIMEOUT = float(os.environ.get("DATABASE_POOL_TIMEOUT", "3"))
# Above the statement timeout, so a slow statement the server is still answering for ends with its own error
# (and the connection stays usable); only silence ends with this one. By default off when statements are unbounded.
DATABASE_ANSWER_TIMEOUT = float(
    os.environ.get("DATABASE_ANSWER_TIMEOUT", DATABASE_STATEMENT_TIMEOUT + 2 if DATABASE_STATEMENT_TIMEOUT else 0)
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = sqlite_options()  # WAL, and writers that queue instead of failing
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = postgres_options(
        DATABASES["default"].get("OPTIONS", {}),  # e.g. ?sslmode=require in DATABASE_URL
        statement_timeout=DATABASE_STATEMENT_TIMEOUT,
        lock_timeout=DATABASE_LOCK_TIMEOUT,
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        pool_timeout=DATABASE_POOL_TIMEOUT,
        answer_timeout=DATABASE_ANSWER_TIMEOUT,
        pool_min=int(os.environ.get("DATABASE_POOL_MIN", "1")),
        pool_max=int(os.environ.get("DATABASE_POOL_MAX", "10")),
        reconnect_timeout=float(os.environ.get("DATABASE_POOL_RECONNECT_TIMEOUT", "2")),
    )
# Retry-After (seconds) on the 503 answers while the database is unavailable: the page, the reply form, /healthz.
DATABASE_RETRY_AFTER_SECONDS = 30

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if REDIS_URL:
    # The cache is an optimisation, never a dependency (editorial/resilient_cache.py): a failure is a miss,
    # and a hung server is given up on after these short timeouts (seconds), not redis-py's default of none.
    CACHES["default"] = {
        "BACKEND": "editorial.resilient_cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "kratom_info",
        "OPTIONS": {
            "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
            "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
        },
    }
# The shared page cache (page_cache/middleware.py) and search results cache, both keyed by the content
# version. Tests turn them off except where they test them.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
# How often (seconds) each process checks the cache's copy of the content version against the database row
# (editorial/content_version.py); also at once after any cache failure.
CONTENT_VERSION_VERIFY_SECONDS = float(os.environ.get("CONTENT_VERSION_VERIFY_SECONDS", "0.5"))
# With debug off and no REDIS_URL, kratom_info/wsgi.py refuses to start unless this says one process serves.
SINGLE_PROCESS = env_bool("DJANGO_SINGLE_PROCESS")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

MEDIA_STORAGE_OPTIONS = env_json("DJANGO_MEDIA_STORAGE_OPTIONS")  # ImproperlyConfigured if it is not JSON
STORAGES = {
    # Uploaded images: the file system (a volume every node shares, when there are several) or any
    # storage backend, e.g. S3-compatible through django-storages. docs/operations.md: "Running several nodes".
    "default": {
        "BACKEND": os.environ.get("DJANGO_MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": MEDIA_STORAGE_OPTIONS,
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Comments and rate limits store a keyed hash of the address, never the address.
IP_HASH_KEY = os.environ.get("IP_HASH_KEY", SECRET_KEY)
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 5  # alerts are sent after a reader's request; never keep them waiting long
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kratom Info <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# django-markdownx: our own staff-only views under the admin prefix, our pipeline.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "editorial.markdown.markdownify"
MARKDOWNX_URLS_PATH = f"/{ADMIN_URL}markdownx/markdownify/"
MARKDOWNX_UPLOAD_URLS_PATH = f"/{ADMIN_URL}markdownx/upload/"
MARKDOWNX_MEDIA_PATH = "uploads/"
MARKDOWNX_UPLOAD_MAX_SIZE = 5 * 1024 * 1024
MARKDOWNX_UPLOAD_CONTENT_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"]
# The text keeps the height the stylesheet gives it (admin-extra/preview.css), as tall as the preview beside it,
# and scrolls; markdownx would grow it with every line, pushing the preview away from the line being written.
MARKDOWNX_EDITOR_RESIZABLE = False

SIMPLE_HISTORY_REVERT_DISABLED = True

# Reader comments: closing, rate limits (database-backed, so they hold across processes and nodes).
# The limits and form timing are policy, fixed here (not from the environment); tests override them.
COMMENTS_CLOSE_AFTER_DAYS = int(os.environ.get("COMMENTS_CLOSE_AFTER_DAYS", "30"))
COMMENTS_RATE_LIMITS = [(5, 10 * 60), (20, 24 * 60 * 60)]  # (posts, seconds) per address hash and per e-mail
COMMENTS_MIN_SECONDS = 3  # a form sent back sooner than this is a bot
COMMENTS_MAX_AGE_SECONDS = 2 * 60 * 60  # a form older than this is stale
# Held comments: "each" mails moderators one alert per comment; "digest" leaves them to
# `manage.py moderation_digest`. Urgent (crisis) comments are always alerted at once.
COMMENTS_ALERTS = os.environ.get("COMMENTS_ALERTS", "each")
# An alert claimed this long ago (seconds) and not marked sent is taken to be lost, and moderation_digest resends it.
COMMENTS_ALERT_LEASE_SECONDS = float(os.environ.get("COMMENTS_ALERT_LEASE_SECONDS", "300"))
COMMENTS_DATA_LINK_MAX_AGE = 24 * 60 * 60  # seconds a "see or delete my comments" link stays valid

# How long a review stays current, per content type ("app_label.model"); others use the default.
# Editorial policy, fixed here (not from the environment): the docs state these figures; change both together.
REVIEW_INTERVAL_DAYS = {"articles.article": 365, "risks.riskitem": 180}
REVIEW_INTERVAL_DEFAULT_DAYS = 365

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
# One line per record on stdout, with the request id, each written once (operations/request_id.py).
LOGGING = logging_config(LOG_LEVEL)
