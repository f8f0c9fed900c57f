"""Log-in hardening: Argon2 password hashes and the lock-out after failed log-ins (django-axes).

The protection was removed once to see these tests fail: run with the axes back end and middleware taken out of
the settings (a copy of tests/settings.py), the lock-out tests failed (the eleventh log-in went through, no 429).
Two-factor is tested in test_login_security_two_factor.py.
"""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.db.models import F
from django.test import Client, override_settings

import tvatakt.settings as production
from tvatakt.demo.city import DEMO_PASSWORD

WRONG = "inte-det-ratta-losenordet"
OTHER_ADDRESS = "198.51.100.7"

pytestmark = pytest.mark.django_db


def fail(client: Client, username: str, times: int, url: str = "/logga-in/", **extra):
    return [client.post(url, {"username": username, "password": WRONG}, **extra) for _ in range(times)]


def log_in(client: Client, username: str, url: str = "/logga-in/", **extra):
    return client.post(url, {"username": username, "password": DEMO_PASSWORD}, **extra)


def test_production_settings_hash_new_passwords_with_argon2_first():
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in production.PASSWORD_HASHERS


def test_an_old_pbkdf2_password_still_logs_in_and_is_rehashed_with_argon2(person, client):
    """With the production hashers: a PBKDF2 hash from before still works, and the log-in upgrades it."""
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        ambassador = person("ambassador")
        ambassador.password = make_password(DEMO_PASSWORD, hasher="pbkdf2_sha256")
        ambassador.save(update_fields=["password"])
        assert log_in(client, "ambassador").status_code == 302
        ambassador.refresh_from_db()
        assert ambassador.password.startswith("argon2")


def test_ten_wrong_passwords_lock_the_user_name_at_that_address_even_for_the_right_password(client):
    """Checked: with axes taken out of the settings, the right password logged in after ten failures (no 429)."""
    responses = fail(client, "ambassador", 9)
    assert all(response.status_code == 200 for response in responses)
    locked = fail(client, "ambassador", 1)[0]
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Inloggningen är låst en stund" in page or "Log-in is locked" in page
    assert 'href="/losenord/glomt/"' in page
    assert 3500 <= int(locked["Retry-After"]) <= 3600

    refused = log_in(client, "ambassador")
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_out_page_is_in_english_on_the_english_site(client):
    fail(client, "ambassador", 10, url="/en/logga-in/")
    response = log_in(client, "ambassador", url="/en/logga-in/")
    assert response.status_code == 429
    assert "<h1>Log-in is locked for a while</h1>" in response.content.decode()


def test_another_address_or_another_user_name_is_not_locked(client):
    """The lock is on the pair (user name, address): one guesser cannot lock a person out everywhere.
    Checked: with axes taken out of the settings this test failed."""
    fail(client, "ambassador", 10)
    assert log_in(client, "ambassador").status_code == 429
    assert log_in(Client(), "ambassador", REMOTE_ADDR=OTHER_ADDRESS).status_code == 302
    assert log_in(Client(), "sekreterare").status_code == 302


def test_the_address_is_the_one_the_proxy_settings_name(client):
    """Behind a proxy (TVATAKT_CLIENT_IP_HEADER), each client counts by its own address, not the proxy's."""
    header = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    with override_settings(RATELIMIT_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR", RATELIMIT_TRUSTED_PROXIES=1):
        fail(client, "ambassador", 10, **header)
        assert log_in(client, "ambassador", **header).status_code == 429
        assert log_in(Client(), "ambassador", HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 302
    assert AccessAttempt.objects.get(username="ambassador").ip_address == "203.0.113.5"


def test_the_lock_lifts_when_the_cool_off_has_passed(client):
    """Checked: with axes taken out of the settings this test failed."""
    fail(client, "ambassador", 10)
    assert log_in(client, "ambassador").status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=61))
    assert log_in(client, "ambassador").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=datetime.timedelta(minutes=5))
def test_the_limit_and_cool_off_come_from_the_settings(client):
    fail(client, "ambassador", 2)
    locked = fail(client, "ambassador", 1)[0]
    assert locked.status_code == 429
    assert 240 <= int(locked["Retry-After"]) <= 300


def test_knocking_while_locked_does_not_push_the_end_further(client):
    fail(client, "ambassador", 10)
    before = AccessAttempt.objects.get(username="ambassador").attempt_time
    fail(client, "ambassador", 3)
    assert AccessAttempt.objects.get(username="ambassador").attempt_time == before


def test_the_admins_own_log_in_is_locked_too(client):
    """The admin's log-in goes through authenticate() as well, so axes counts it.
    Checked: with axes taken out of the settings this test failed."""
    responses = fail(client, "admin", 10, url="/admin/login/")
    assert responses[-1].status_code == 429
    assert log_in(client, "admin", url="/admin/login/").status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_administrator_unlocks_with_the_admin_action(client, person):
    """Checked: with axes taken out of the settings this test failed."""
    fail(client, "ambassador", 10)
    assert log_in(client, "ambassador").status_code == 429
    attempt = AccessAttempt.objects.get(username="ambassador")
    admin = Client()
    admin.force_login(person("admin"))
    listing = admin.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert 'value="unlock"' in listing.content.decode()
    response = admin.post("/admin/axes/accessattempt/", {"action": "unlock", "_selected_action": [attempt.pk]})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="ambassador").exists()
    assert log_in(client, "ambassador").status_code == 302


def test_a_person_without_the_right_cannot_unlock(client, person):
    fail(client, "ambassador", 10)
    attempt = AccessAttempt.objects.get(username="ambassador")
    other = Client()
    other.force_login(person("sekreterare"))
    other.post("/admin/axes/accessattempt/", {"action": "unlock", "_selected_action": [attempt.pk]})
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_a_password_reset_lifts_the_lock_out(client):
    """As the lock-out page says: a new password opens log-in at once.
    Checked: with axes taken out of the settings this test failed."""
    fail(client, "ambassador", 10)
    assert log_in(client, "ambassador").status_code == 429
    client.post("/losenord/glomt/", {"email": "ambassador@demo.example.org"})
    link = re.search(r"https?://[^/]+(/losenord/nytt/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    new_password = "en-lang-ny-fras-2026"
    assert client.post(form_url, {"new_password1": new_password, "new_password2": new_password}).status_code == 302
    response = client.post("/logga-in/", {"username": "ambassador", "password": new_password})
    assert response.status_code == 302


@pytest.mark.parametrize("username", ["", "x" * 300, "ambassador\x00"])
def test_odd_user_names_never_break_the_log_in(client, username):
    responses = fail(client, username, 2)
    assert all(response.status_code in {200, 429} for response in responses)


def test_the_privacy_page_says_what_log_in_security_keeps_and_for_how_long(client):
    page = client.get("/en/integritet/").content.decode()
    assert "Protecting accounts from password guessing" in page
    assert "60 minutes after the last one" in page


def test_failed_log_ins_are_forgotten_when_their_lock_out_time_is_over_even_on_a_quiet_site(client, settings):
    """The privacy page promises it; axes alone cleans only when someone logs in. Run with a moved clock."""
    from tvatakt.core.signin import services

    fail(client, "medborgare", 3)
    assert AccessAttempt.objects.filter(username="medborgare").exists()
    assert services.forget_failed_logins() == 0
    later = datetime.datetime.now(datetime.UTC) + settings.AXES_COOLOFF_TIME + datetime.timedelta(minutes=1)
    assert services.forget_failed_logins(now=later) >= 1
    assert not AccessAttempt.objects.filter(username="medborgare").exists()
    assert "tvatakt.core.signin.tasks.sweep_book" in settings.WORKER_STARTUP
