"""The lock-out page and the two-factor pages pass the audit at 320 px (axe, landmarks, no sideways scroll)."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.e2e.crawler import audit_shown, table
from tvatakt.organisation.models import Person


@pytest.fixture
def orm_beside_playwright(monkeypatch):
    """Playwright's sync API runs an event loop in this thread; Django's ORM would take it for async code."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def two_factor_pages(orm_beside_playwright, db, client, settings) -> list[tuple[str, str]]:
    """The two-factor pages as the secretary sees them with two-factor on: (role, HTML). The shared server has it
    off (its staff log in by password), so they are rendered here, in the test's own database."""
    settings.TVATAKT_REQUIRE_TWO_FACTOR = True
    secretary = Person.objects.get(username="sekreterare")
    client.force_login(secretary)
    pages = [("set-up", client.get("/tvastegs/ny/")), ("set-up, wrong", client.post("/tvastegs/ny/", {"code": "x"}))]
    TOTPDevice.objects.filter(user=secretary).update(confirmed=True)
    pages += [("code", client.get("/tvastegs/")), ("code, wrong", client.post("/tvastegs/", {"code": "12"}))]
    assert all(response.status_code == 200 for _role, response in pages)
    return [(role, response.content.decode()) for role, response in pages]


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
