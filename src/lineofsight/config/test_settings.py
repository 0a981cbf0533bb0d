"""Settings for the test suite: the real settings with test-only shortcuts.

Tests run against SQLite by default and against PostgreSQL when ``DATABASE_URL`` is
set (``make test`` starts a throwaway server and runs the suite against it too).
"""

import os
import tempfile

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "test-secret-key-only-for-the-test-suite-" + "x1y2z3" * 4)
# Background work runs as it is queued, inside the test (tests of the worker switch it).
os.environ.setdefault("TASKS_BACKEND", "immediate")
os.environ.setdefault("LINEOFSIGHT_VAR", tempfile.mkdtemp(prefix="lineofsight-test-"))

from lineofsight.config.settings import *  # noqa: F403

# Hashing with the real algorithm would make each persona fixture cost ~0.3 s.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The personas sign in with a password only; accounts/tests/test_two_factor.py turns the
# requirement back on, as the real settings have it.
TWO_FACTOR_REQUIRED_ROLES = []
