"""Django settings for Line of Sight, read from the environment.

Every setting a deployment may change is read here through the typed helpers in
``env.py`` and documented in ``.env.example``; a test checks the two agree.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from lineofsight.config.env import env_bool, env_int, env_list, env_secret, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(env_str("LINEOFSIGHT_HOME", str(Path.cwd())))
VAR_DIR = Path(env_str("LINEOFSIGHT_VAR", str(BASE_DIR / "var")))
# The embedded SQLite database and uploaded files live here unless configured otherwise.
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_secret("SECRET_KEY", required=not DEBUG, dev_default="insecure-development-key-not-for-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "lineofsight.accounts",
    "lineofsight.plans",
    "lineofsight.importing",
    "lineofsight.tracking",
    "lineofsight.reports",
    "lineofsight.indicators",
    # --- JSON API (issue 15): "ninja" serves Swagger UI from its own static files, not a CDN
    "ninja",
    "lineofsight.api",
    # --- the demo council (issue 16): the top app, `lineofsight demo`
    "lineofsight.demo",
]
# --- Issue 16: core (no models) is an app only so that every template can {% load govuk %}.
INSTALLED_APPS += ["lineofsight.core"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lineofsight.config.middleware.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "lineofsight.accounts.middleware.CurrentOrganisationMiddleware",
]

ROOT_URLCONF = "lineofsight.config.urls"
WSGI_APPLICATION = "lineofsight.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lineofsight.accounts.context_processors.organisation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lineofsight.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# Issue 13: owners land on My actions, everyone else on Plans (tracking.views.landing).
LOGIN_REDIRECT_URL = "tracking:landing"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"

# Uploads: plans and evidence files are capped so one request cannot fill the disk.
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# A whole request may carry several evidence files; anything larger is refused unread.
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 5 * MAX_UPLOAD_BYTES)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Session and cookie hardening; HTTPS-only cookies unless running locally in DEBUG.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
# Preloading is a one-way commitment for the whole domain, so a deployment opts in.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Failed sign-ins allowed per username and per address before a cool-down.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("LOGIN_FAILURE_WINDOW_SECONDS", 24 * 60 * 60)

# One process's memory by default; a deployment with several workers points CACHE_URL
# at a shared cache (e.g. "db" for the database cache table).
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "lineofsight_cache"}
        if env_str("CACHE_BACKEND", "locmem") == "db"
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- JSON API (issue 15): requests per token, as "COUNT/PERIOD" (s, m, h or d).
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "120/m")

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Line of Sight <noreply@localhost>")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# --- Running it for a council or a region (issue 14): production server, background work,
# shared file storage. Kept in one block so the rest of the settings read as before.
INSTALLED_APPS += ["django_tasks", "django_tasks_db", "lineofsight.background"]
# WhiteNoise serves the collected static files from every web worker, so no separate
# static server is needed behind the reverse proxy; it sits right after SecurityMiddleware.
# /healthz first: answered before host checks, HTTPS redirects and sessions (see healthz.py).
MIDDLEWARE.insert(0, "lineofsight.config.healthz.HealthCheckMiddleware")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # filled by collectstatic; WhiteNoise warns if it is missing
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware"
)

# SQLite with several threads: take the write lock when a transaction starts and wait for
# it, instead of failing "database is locked" when a reading transaction wants to write.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})

# Background work (board packs, daily jobs). "database": tasks wait in the database for
# `lineofsight worker`; "immediate": they run inside the request (a developer's machine).
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate" if DEBUG else "database")
if TASKS_BACKEND not in ("immediate", "database"):
    raise ImproperlyConfigured(f"TASKS_BACKEND must be immediate or database, got {TASKS_BACKEND!r}")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}
# The hours (London time) after which the worker queues each day's jobs: the RAG refresh
# and pruning every day; the owners' reminder digests on weekdays.
DAILY_JOBS_HOUR = env_int("DAILY_JOBS_HOUR", 0)
REMINDERS_HOUR = env_int("REMINDERS_HOUR", 7)

# Files (evidence, issued packs): the local folder by default; "s3" for an S3-compatible
# bucket shared by every web worker and the worker (AWS, MinIO, Ceph, a cloud's object store).
FILE_STORAGE = env_str("FILE_STORAGE", "local")
if FILE_STORAGE not in ("local", "s3"):
    raise ImproperlyConfigured(f"FILE_STORAGE must be local or s3, got {FILE_STORAGE!r}")
if FILE_STORAGE == "s3" and not env_str("S3_BUCKET"):
    raise ImproperlyConfigured("S3_BUCKET must be set when FILE_STORAGE is s3")
STORAGES = {
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": env_str("S3_BUCKET"),
                "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
                "region_name": env_str("S3_REGION", "eu-west-2"),
                "access_key": env_str("S3_ACCESS_KEY_ID"),
                "secret_key": env_secret("S3_SECRET_ACCESS_KEY", required=False, dev_default=""),
                "location": env_str("S3_PREFIX", ""),
                # Evidence is private: every download goes through the app's permission check.
                "default_acl": None,
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
        if FILE_STORAGE == "s3"
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --------------------------------------------------------------------------- security (issue 17)
# Sign-in, imports, Content-Security-Policy and the start-up refusal of a weak SECRET_KEY.
# Kept in one block so the rest of this file reads as before; docs/security.md explains it.
from csp.constants import NONCE, NONE, SELF  # noqa: E402
from django.core.exceptions import ImproperlyConfigured  # noqa: E402

# Values that have been published (in .env.example, docs or Django's own template) and so are
# no secret at all; a production server refuses to start with one of them.
KNOWN_PLACEHOLDER_KEYS = {"change-me", "changeme", "secret", "insecure-development-key-not-for-production"}
MIN_SECRET_KEY_LENGTH = 50
if not DEBUG and (
    SECRET_KEY.strip().lower() in KNOWN_PLACEHOLDER_KEYS
    or SECRET_KEY.startswith("django-insecure-")
    or len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH
    or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        f"SECRET_KEY is a published placeholder or shorter than {MIN_SECRET_KEY_LENGTH} characters; "
        'set a long random one, e.g. python -c "import secrets; print(secrets.token_urlsafe(64))"'
    )

AUTHENTICATION_BACKENDS = ["lineofsight.accounts.backends.NormalisedUsernameBackend"]
# The header the council's own load balancer sets to the caller's address (e.g. X-Forwarded-For),
# and how many proxies of ours append to it. Empty: the limits use REMOTE_ADDR and ignore headers.
SIGNIN_CLIENT_IP_HEADER = env_str("SIGNIN_CLIENT_IP_HEADER", "")
SIGNIN_TRUSTED_PROXIES = env_int("SIGNIN_TRUSTED_PROXIES", 1)
# After LOGIN_FAILURE_LIMIT failures the wait starts at this and doubles with each failure.
LOGIN_BACKOFF_BASE_SECONDS = env_int("LOGIN_BACKOFF_BASE_SECONDS", 30)
LOGIN_BACKOFF_MAX_SECONDS = env_int("LOGIN_BACKOFF_MAX_SECONDS", 15 * 60)

# Two-factor sign-in (django-otp TOTP): required of these roles, and of every member of an
# organisation whose admin asks for it (accounts/two_factor.py).
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.append("lineofsight.accounts.two_factor.TwoFactorRequiredMiddleware")
TWO_FACTOR_REQUIRED_ROLES = env_list("TWO_FACTOR_REQUIRED_ROLES", ["admin", "plan_manager"])
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Line of Sight")

# Each plan import reads the file in a child process with this much processor time and memory.
IMPORT_CPU_SECONDS = env_int("IMPORT_CPU_SECONDS", 30)
IMPORT_MEMORY_MB = env_int("IMPORT_MEMORY_MB", 1024)

# Content-Security-Policy (django-csp): scripts and styles only from our own static files, no
# inline script at all; a <style> element needs the per-request nonce. Charts are data: images.
INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "csp.middleware.CSPMiddleware")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
