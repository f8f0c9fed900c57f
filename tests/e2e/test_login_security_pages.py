"""The lock-out page and the two-factor pages pass the audit at 320 px (axe, landmarks, no sideways scroll)."""

import json
import subprocess
import sys

import pytest

from tests.e2e.conftest import ROOT
from tests.e2e.crawler import audit_shown, table

# Rendered in the shared server's database with two-factor on, in a transaction that is rolled back: the secretary's
# new device and the session are gone afterwards. (The server itself has two-factor off: its staff log in by
# password.) A separate process, because this test session has no database of its own to render them in.
RENDER = """
import json
from django.db import transaction
from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from tvatakt.organisation.models import Person

pages = []
with override_settings(TVATAKT_REQUIRE_TWO_FACTOR=True), transaction.atomic():
    client = Client(SERVER_NAME="127.0.0.1")
    secretary = Person.objects.get(username="sekreterare")
    client.force_login(secretary)
    pages += [("set-up", client.get("/tvastegs/ny/")), ("set-up, wrong", client.post("/tvastegs/ny/", {"code": "x"}))]
    TOTPDevice.objects.filter(user=secretary).update(confirmed=True)
    pages += [("code", client.get("/tvastegs/")), ("code, wrong", client.post("/tvastegs/", {"code": "12"}))]
    transaction.set_rollback(True)
print(json.dumps([[role, response.status_code, response.content.decode()] for role, response in pages]))
"""


@pytest.fixture(scope="module")
def two_factor_pages(main_server) -> list[tuple[str, str]]:
    """The two-factor pages as the secretary sees them with two-factor on: (role, HTML)."""
    _base, env = main_server
    done = subprocess.run(  # noqa: S603 - this project's own command
        [sys.executable, "-m", "tvatakt", "shell", "-c", RENDER], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    pages = json.loads(done.stdout.strip().splitlines()[-1])
    assert [status for _role, status, _html in pages] == [200] * 4
    return [(role, html) for role, _status, html in pages]


def test_the_lock_out_and_two_factor_pages_pass(two_factor_pages, server, narrow_page):
    # The lock-out page from the real server: ten wrong passwords for a user name nobody has.
    for _ in range(10):
        narrow_page.goto(server + "logga-in/")
        narrow_page.fill("#id_username", "ingen-sadan")
        narrow_page.fill("#id_password", "fel-fel-fel-fel")
        narrow_page.click("main button[type=submit]")
    results = [audit_shown(narrow_page, "locked out", status=429)]
    assert narrow_page.locator("main a[href='/losenord/glomt/']").count() == 1  # the way in sooner

    # Shown at the server's address, so that its style sheet and its policy apply as for the real page.
    for role, html in two_factor_pages:
        narrow_page.goto(server + "om/")
        narrow_page.set_content(html)
        results.append(audit_shown(narrow_page, role))
    assert all(result.ok for result in results), table(results)
