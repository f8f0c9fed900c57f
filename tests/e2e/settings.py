"""The real settings, plus a test-only page that is broken on purpose (see test_crawler_catches_a_broken_page)."""

from tvatakt.settings import *  # noqa: F403

ROOT_URLCONF = "tests.e2e.urls"
