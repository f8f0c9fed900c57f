"""Test settings: the real settings, with tasks run inline and a fast password hasher."""

import os

os.environ.setdefault("TVATAKT_TASKS_IMMEDIATE", "1")
os.environ.setdefault("TVATAKT_SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdef")

from tvatakt.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Two-factor is off for the suite, which logs staff in by password; tests/core/test_login_security*.py turn it on.
# The lock-out (django-axes) stays on: a log-in in a test passes a request, as axes needs, for it to count.
TVATAKT_REQUIRE_TWO_FACTOR = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Serve static files from the apps in tests, with no collectstatic step.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# No caching by default, so query counts measure the real work; tests/core/test_cache.py turns it on.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
