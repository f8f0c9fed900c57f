"""The real settings, plus a test-only page that is broken on purpose (see test_crawler_catches_a_broken_page)."""

from tvatakt.settings import *  # noqa: F403

ROOT_URLCONF = "tests.e2e.urls"
# The browser tests log staff in by password (conftest.log_in); the two-factor pages are tested in
# tests/core/test_login_security_two_factor.py.
TVATAKT_REQUIRE_TWO_FACTOR = False
