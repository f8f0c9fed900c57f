"""Two-factor log-in (TOTP, django-otp) for those who can change public records.

The protection was removed once to see these tests fail: run with the TwoFactorMiddleware taken out of the
settings (a copy of tests/settings.py), the secretary without a device reached /konto/ and /admin/ straight after
the password, and the tests that expect the redirect failed.
"""

import base64
import io
import os
from unittest import mock

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tvatakt.demo.city import DEMO_PASSWORD
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import RoleAssignment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_on")]


@pytest.fixture
def two_factor_on(settings):
    settings.TVATAKT_REQUIRE_TWO_FACTOR = True


def code_for(device: TOTPDevice, *, offset: int = 0) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    right = {code_for(device, offset=offset) for offset in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in right)


def logged_in(person, username: str) -> Client:
    """Past the password (as the log-in page leaves them), not yet past the code."""
    client = Client()
    assert client.login(request=HttpRequest(), username=username, password=DEMO_PASSWORD)
    return client


def with_device(person, username: str) -> TOTPDevice:
    return TOTPDevice.objects.create(user=person(username), name="Telefon", confirmed=True)


@pytest.mark.parametrize("path", ["/konto/", "/radet/", "/admin/", "/en/konto/", "/portfolj/"])
def test_a_secretary_without_a_device_is_sent_to_set_up_from_every_page(person, path):
    """Checked: with the TwoFactorMiddleware taken out of the settings this test failed."""
    client = logged_in(person, "sekreterare")
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.split("?")[0] in {"/tvastegs/ny/", "/en/tvastegs/ny/"}
    assert f"next={path.replace('/', '%2F')}" in response.url


def test_a_post_is_refused_too_and_the_api_answers_in_json(person):
    """Checked: with the TwoFactorMiddleware taken out of the settings this test failed."""
    client = logged_in(person, "sekreterare")
    assert client.post("/roller/1/avsluta/").url.startswith("/tvastegs/ny/")
    response = client.get("/api/v1/organisations")
    assert response.status_code == 403
    assert "detail" in response.json()


def test_an_unverified_person_may_still_log_out_and_load_the_style_sheet(person):
    client = logged_in(person, "sekreterare")
    assert client.get("/static/web/site.css").status_code == 200
    response = client.post("/logga-ut/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("username", ["it-direktor", "radsordforande", "sekreterare", "admin"])
def test_the_password_step_leads_those_who_must_use_two_factor_on_to_it(client, username):
    response = client.post("/logga-in/?next=/radet/", {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert response.url == "/tvastegs/ny/?next=%2Fradet%2F"


def test_the_set_up_page_shows_the_secret_as_a_qr_code_and_as_text_with_an_accessible_field(person):
    client = logged_in(person, "sekreterare")
    page = client.get("/tvastegs/ny/?next=/radet/").content.decode()
    device = TOTPDevice.objects.get(user=person("sekreterare"), confirmed=False)
    assert '<img src="data:image/png;base64,' in page
    assert 'alt="' in page
    assert "<script" not in page
    secret = base64.b32encode(device.bin_key).decode()
    assert secret[:4] + " " + secret[4:8] in page
    assert 'autocomplete="one-time-code"' in page
    assert 'inputmode="numeric"' in page
    assert '<label for="id_code">' in page
    assert 'name="next" value="/radet/"' in page
    # A reload shows the same secret, so an app scanned a moment ago still fits.
    client.get("/tvastegs/ny/")
    assert TOTPDevice.objects.filter(user=person("sekreterare")).count() == 1


def test_a_correct_code_confirms_the_device_and_lets_the_secretary_in(person):
    client = logged_in(person, "sekreterare")
    client.get("/tvastegs/ny/")
    device = TOTPDevice.objects.get(user=person("sekreterare"))
    response = client.post("/tvastegs/ny/", {"code": code_for(device), "next": "/radet/"})
    assert response.status_code == 302
    assert response.url == "/radet/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/konto/").status_code == 200


def test_a_wrong_code_at_set_up_is_refused_next_to_the_field_and_nothing_is_confirmed(person):
    """Checked: with the TwoFactorMiddleware taken out of the settings this test failed."""
    client = logged_in(person, "sekreterare")
    client.get("/tvastegs/ny/")
    device = TOTPDevice.objects.get(user=person("sekreterare"))
    response = client.post("/tvastegs/ny/", {"code": wrong_code_for(device)})
    assert response.status_code == 200
    page = response.content.decode()
    assert '<ul class="errorlist" id="id_code_error">' in page
    assert "Koden stämmer inte" in page or "That code is not right" in page
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/konto/").status_code == 302


@pytest.mark.parametrize("code", ["abc", "12345", "1234567", "１２３４５６", "9" * 500, ""])
def test_a_code_that_is_not_six_digits_is_refused_with_a_message_never_an_error(person, code):
    client = logged_in(person, "sekreterare")
    response = client.post("/tvastegs/ny/", {"code": code})
    assert response.status_code == 200
    assert 'id="id_code_error"' in response.content.decode()


def test_a_person_with_a_device_gets_the_code_step_and_a_right_code_lets_them_in(client, person):
    """Checked: with the TwoFactorMiddleware taken out of the settings this test failed."""
    device = with_device(person, "it-direktor")
    response = client.post("/logga-in/", {"username": "it-direktor", "password": DEMO_PASSWORD})
    assert response.url == "/tvastegs/?next=%2Fkonto%2F"
    assert client.get("/radet/").url.startswith("/tvastegs/?")
    assert client.get("/tvastegs/ny/").url.startswith("/tvastegs/?")  # no second device beside the first
    assert TOTPDevice.objects.filter(user=device.user).count() == 1
    page = client.get(response.url).content.decode()
    assert 'autocomplete="one-time-code"' in page
    response = client.post("/tvastegs/", {"code": code_for(device), "next": "/konto/"})
    assert response.url == "/konto/"
    assert client.get("/radet/").status_code == 200


def test_a_wrong_code_at_the_code_step_is_refused_and_repeated_wrong_codes_are_throttled(person):
    """django-otp's throttling: after a wrong code even the right one waits a while."""
    device = with_device(person, "it-direktor")
    client = logged_in(person, "it-direktor")
    response = client.post("/tvastegs/", {"code": wrong_code_for(device)})
    assert 'id="id_code_error"' in response.content.decode()
    response = client.post("/tvastegs/", {"code": code_for(device)})
    assert response.status_code == 200
    assert "Vänta" in response.content.decode() or "Wait" in response.content.decode()
    assert client.get("/konto/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count >= 1


def test_a_code_cannot_be_used_twice(person):
    device = with_device(person, "it-direktor")
    code = code_for(device)
    first = logged_in(person, "it-direktor")
    assert first.post("/tvastegs/", {"code": code}).status_code == 302
    second = logged_in(person, "it-direktor")
    assert second.post("/tvastegs/", {"code": code}).status_code == 200


def test_staff_reach_the_admin_once_verified(person):
    """Checked: with the TwoFactorMiddleware taken out of the settings this test failed."""
    device = with_device(person, "admin")
    client = logged_in(person, "admin")
    assert client.get("/admin/").url.startswith("/tvastegs/?")
    client.post("/tvastegs/", {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200


def test_an_administrator_removes_a_lost_device_and_the_person_sets_up_again(person):
    device = with_device(person, "sekreterare")
    admin = Client()
    admin.force_login(person("admin"))
    admin_device = with_device(person, "admin")
    admin.post("/tvastegs/", {"code": code_for(admin_device)})
    url = f"/admin/otp_totp/totpdevice/{device.pk}/delete/"
    assert admin.post(url, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert logged_in(person, "sekreterare").get("/konto/").url.startswith("/tvastegs/ny/")


def test_a_citizen_and_other_roles_log_in_as_before(client):
    for username in ("medborgare", "ambassador", "radsledamot"):
        response = Client().post("/logga-in/", {"username": username, "password": DEMO_PASSWORD})
        assert response.url == "/konto/"
    citizen = Client()
    citizen.post("/logga-in/", {"username": "medborgare", "password": DEMO_PASSWORD})
    assert citizen.get("/konto/").status_code == 200
    assert citizen.get("/tvastegs/ny/").url == "/konto/"
    assert not TOTPDevice.objects.exists()


def test_an_ended_role_no_longer_asks_for_a_code(person):
    assignment = RoleAssignment.objects.get(person=person("sekreterare"), role=Role.COUNCIL_SECRETARY)
    RoleAssignment.objects.filter(pk=assignment.pk).update(
        valid_from=assignment.valid_from.replace(year=2000), valid_until=assignment.valid_from.replace(year=2001)
    )
    assert logged_in(person, "sekreterare").get("/konto/").status_code == 200


def test_with_the_setting_off_nobody_is_asked_for_a_code(person, settings):
    settings.TVATAKT_REQUIRE_TWO_FACTOR = False
    client = Client()
    response = client.post("/logga-in/", {"username": "sekreterare", "password": DEMO_PASSWORD})
    assert response.url == "/konto/"
    assert client.get("/radet/").status_code == 200
    assert client.get("/tvastegs/ny/").url == "/konto/"


def test_the_next_address_must_be_on_this_site(person):
    device = with_device(person, "it-direktor")
    client = logged_in(person, "it-direktor")
    response = client.post("/tvastegs/", {"code": code_for(device), "next": "https://example.org/"})
    assert response.url == "/konto/"


def test_the_demo_turns_two_factor_off_and_says_so(monkeypatch, settings):
    """`tvatakt demo` serves for ever: the server and the worker are replaced; the rest of the command runs."""
    from tvatakt.demo.management.commands import demo

    monkeypatch.setenv("TVATAKT_REQUIRE_TWO_FACTOR", "")
    monkeypatch.delenv("TVATAKT_REQUIRE_TWO_FACTOR")
    monkeypatch.setattr(demo.server, "prepare", lambda: None)
    monkeypatch.setattr(demo, "load_demo_city", dict)
    monkeypatch.setattr(demo, "summary", lambda counts: "")
    monkeypatch.setattr(demo.server, "run_granian", lambda **kwargs: None)
    monkeypatch.setattr(demo.server, "start_worker_process", lambda: mock.Mock())
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert "Two-factor log-in is off in the demo" in out.getvalue() or "Tvåstegs" in out.getvalue()
    assert os.environ["TVATAKT_REQUIRE_TWO_FACTOR"] == "false"  # what the server's workers read
    assert settings.TVATAKT_REQUIRE_TWO_FACTOR is False
