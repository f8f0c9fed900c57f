"""The public pages: the list with filters, registering through the form without JavaScript, the receipt and the
manage page behind the signed link, cancelling there, and a guardian's consent."""

import pytest
from django.core import mail

from tvatakt.inclusion import tokens
from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.models import Registration

from .conftest import make_event

pytestmark = pytest.mark.django_db


def form(**fields) -> dict:
    data = {
        "p-TOTAL_FORMS": "3", "p-INITIAL_FORMS": "0", "p-MIN_NUM_FORMS": "1", "p-MAX_NUM_FORMS": "6",
        "p-0-name": "Aisha Ali", "p-0-age_group": "30-49", "p-0-first_time": "on",
        "r-contact_name": "Aisha Ali", "r-email": "aisha@example.se", "r-needs": ["hearing_loop"],
    }  # fmt: skip
    return data | fields


def test_the_list_filters_by_age_place_and_free_seats(client):
    make_event(slug="test-for-alla", title="Digital vardag för alla")
    make_event(slug="test-seniorer", title="Seniorcafé på nätet", age_min=65, age_max=85, capacity=1)
    page = client.get("/en/aktiviteter/", {"age": "7-12"}).content.decode()
    assert "Digital vardag för alla" in page and "Seniorcafé på nätet" not in page
    page = client.get("/en/aktiviteter/", {"access": "step_free", "free": "on"}).content.decode()
    assert "Seniorcafé på nätet" in page
    assert client.get("/en/aktiviteter/", {"age": "nonsense", "page": "x"}).status_code == 200


def test_the_calendar_shows_a_month_day_by_day_with_the_filters_kept(client):
    import datetime

    from django.utils import timezone

    from tvatakt.inclusion.choices import EventState

    moment = datetime.datetime(2031, 3, 12, 10, tzinfo=timezone.get_current_timezone())

    def at(days=0, hours=0) -> dict:
        starts = moment + datetime.timedelta(days=days, hours=hours)
        return {"starts_at": starts, "ends_at": starts + datetime.timedelta(hours=2)}

    make_event(slug="test-kal-alla", title="Digital vardag för alla", **at())
    make_event(slug="test-kal-senior", title="Seniorcafé i mars", age_min=65, age_max=85, **at(days=1, hours=3))
    make_event(slug="test-kal-installd", title="Inställd workshop", state=EventState.CANCELLED, **at())
    make_event(slug="test-kal-utkast", title="Ett utkast", state=EventState.DRAFT, **at())
    make_event(slug="test-kal-april", title="I april", **at(days=30))
    page = client.get("/en/aktiviteter/kalender/", {"manad": "2031-03"}).content.decode()
    assert "Events in March 2031" in page
    assert page.index("Wednesday 12 March") < page.index("Digital vardag för alla") < page.index("Thursday 13 March")
    assert page.index("Thursday 13 March") < page.index("Seniorcafé i mars")
    assert "Inställd workshop" in page and "Ett utkast" not in page and "I april" not in page
    filtered = client.get("/en/aktiviteter/kalender/", {"manad": "2031-03", "age": "7-12"}).content.decode()
    assert "Digital vardag för alla" in filtered and "Seniorcafé i mars" not in filtered
    assert "manad=2031-04&amp;age=7-12" in filtered  # the next month keeps the choice
    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override("en"):
        this_month = date_format(timezone.localdate(), "F Y")
    for nonsense in ("2031-13", "x", "2031-03-01", "9999-01", ""):  # a typo shows this month, never an error
        response = client.get("/en/aktiviteter/kalender/", {"manad": nonsense})
        assert response.status_code == 200
        assert f"Events in {this_month}" in response.content.decode()


def test_registering_through_the_form_leads_to_the_receipt_and_an_e_mail(client, django_capture_on_commit_callbacks):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/aktiviteter/{event.slug}/", form())
    registration = Registration.objects.get(event=event)
    assert response.status_code == 302 and response["Location"].startswith("/en/anmalan/")
    page = client.get(response["Location"]).content.decode()
    assert "You are registered." in page and registration.code in page and "Confirmed" in page
    (message,) = mail.outbox
    assert message.to == ["aisha@example.se"] and registration.code in message.body
    assert message.attachments[0][0] == "aktivitet.ics"
    assert registration.needs == ["hearing_loop"] and registration.language == "en"


def test_a_broken_form_says_what_is_wrong_and_saves_nothing(client):
    event = make_event()
    response = client.post(f"/en/aktiviteter/{event.slug}/", form(**{"r-email": "", "p-0-age_group": ""}))
    page = response.content.decode()
    assert response.status_code == 422 and "Choose an age group." in page
    response = client.post(f"/en/aktiviteter/{event.slug}/", form(**{"r-email": ""}))
    assert "Give an e-mail address or a phone number" in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()


def test_the_honeypot_saves_nothing(client):
    event = make_event()
    response = client.post(f"/en/aktiviteter/{event.slug}/", form(**{"r-website": "http://spam"}))
    assert response.status_code == 422 and not Registration.objects.filter(event=event).exists()


def test_cancelling_through_the_link_frees_the_seat_for_the_waiting(client, django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    client.post(f"/en/aktiviteter/{event.slug}/", form())
    client.post(f"/en/aktiviteter/{event.slug}/", form(**{"r-email": "b@example.se", "p-0-name": "Bo"}))
    first, second = Registration.objects.filter(event=event).order_by("pk")
    assert second.status == Status.WAITING
    token = tokens.make(first, tokens.MANAGE)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/anmalan/{token}/avboka/")
    assert "Your registration is cancelled." in client.get(response["Location"]).content.decode()
    second.refresh_from_db()
    assert second.status == Status.OFFERED
    assert [message.to for message in mail.outbox] == [["aisha@example.se"], ["b@example.se"]]
    page = client.get(f"/en/anmalan/{tokens.make(second, tokens.MANAGE)}/").content.decode()
    assert "Accept the seat" in page


@pytest.mark.parametrize("token", ["nonsense", "eyJyIjoxfQ:1tAmpered:abc"])
def test_a_bad_link_shows_a_clear_page_and_changes_nothing(client, token):
    response = client.get(f"/en/anmalan/{token}/")
    assert response.status_code == 400 and "The link does not work" in response.content.decode()
    assert client.post(f"/en/anmalan/{token}/avboka/").status_code == 400


def test_the_registration_page_shows_the_code_as_a_qr_code_and_the_e_mail_carries_it(
    client, django_capture_on_commit_callbacks
):
    event = make_event(slug="test-qr", capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/aktiviteter/{event.slug}/", form(**{"r-photos_allowed": "on"}))
        client.post(f"/en/aktiviteter/{event.slug}/", form(**{"r-email": "nils@example.se", "p-0-name": "Nils"}))
    confirmed, waiting = Registration.objects.filter(event=event).order_by("pk")
    assert confirmed.photos_allowed and not waiting.photos_allowed
    page = client.get(f"/en/anmalan/{tokens.make(confirmed, tokens.MANAGE)}/").content.decode()
    assert f'<svg role="img" aria-label="QR code for check-in, code {confirmed.code}"' in page
    # On the waiting list there is no seat to show at the door.
    assert "<svg" not in client.get(f"/en/anmalan/{tokens.make(waiting, tokens.MANAGE)}/").content.decode()
    ticket = next(message for message in mail.outbox if message.to == ["aisha@example.se"])
    png = next(content for name, content, kind in ticket.attachments if name == "incheckning.png")
    assert png.startswith(b"\x89PNG")


def test_a_manage_link_is_not_a_consent_link(client):
    event = make_event()
    client.post(f"/en/aktiviteter/{event.slug}/", form())
    registration = Registration.objects.get(event=event)
    assert client.get(f"/en/samtycke/{tokens.make(registration, tokens.MANAGE)}/").status_code == 400


def test_a_guardian_confirms_by_the_link_in_their_e_mail(client, django_capture_on_commit_callbacks):
    event = make_event(slug="test-kodkalas-7")
    fields = {"p-0-name": "Elsa", "p-0-age_group": "7-12", "r-guardian_name": "Sara Lind",
              "r-guardian_email": "sara@example.se"}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/aktiviteter/{event.slug}/", form(**fields))
    registration = Registration.objects.get(event=event)
    assert registration.status == Status.PENDING_CONSENT
    guardian_mail = next(message for message in mail.outbox if message.to == ["sara@example.se"])
    link = next(line for line in guardian_mail.body.splitlines() if "/samtycke/" in line)
    path = link.split("127.0.0.1:8000", 1)[1].strip()
    assert "Samtycke för ditt barn" in client.get(path).content.decode()
    client.post(path, {"answer": "yes", "photos": "on"})
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED and registration.consent_given_at and registration.photos_allowed
    client.post(path, {"answer": "photos-no"})
    registration.refresh_from_db()
    assert not registration.photos_allowed and registration.status == Status.CONFIRMED
    assert "Ta tillbaka mitt samtycke" in client.get(path).content.decode()


def test_a_guardian_may_say_no_or_take_the_consent_back(client, django_capture_on_commit_callbacks):
    event = make_event(slug="test-kodkalas-nej", capacity=1)
    fields = {"p-0-name": "Elsa", "p-0-age_group": "7-12", "r-guardian_name": "Sara Lind",
              "r-guardian_email": "sara@example.se"}  # fmt: skip
    client.post(f"/en/aktiviteter/{event.slug}/", form(**fields))
    client.post(f"/en/aktiviteter/{event.slug}/", form(**{"r-email": "nils@example.se", "p-0-name": "Nils"}))
    elsa, nils = Registration.objects.filter(event=event).order_by("pk")
    assert (elsa.status, nils.status) == (Status.PENDING_CONSENT, Status.WAITING)
    path = f"/en/samtycke/{tokens.make(elsa, tokens.CONSENT)}/"
    assert client.post(path).status_code == 302  # neither yes nor no: nothing changes
    elsa.refresh_from_db()
    assert elsa.status == Status.PENDING_CONSENT and elsa.consent_withdrawn_at is None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path, {"answer": "no"})
    elsa.refresh_from_db(), nils.refresh_from_db()
    assert elsa.status == Status.CANCELLED and elsa.consent_withdrawn_at and not elsa.consent_given_at
    assert nils.status == Status.OFFERED  # the seat went on
    assert "You said no on" in client.get(path).content.decode()
    page = client.post(path, {"answer": "yes"}, follow=True).content.decode()  # a yes after the no: register again
    assert "The registration is cancelled. To come after all, register again." in page
    elsa.refresh_from_db()
    assert elsa.status == Status.CANCELLED and not elsa.consent_given_at


def test_an_old_consent_link_still_says_no_but_not_yes(client, monkeypatch):
    event = make_event(slug="test-kodkalas-gammal")
    fields = {"p-0-name": "Elsa", "p-0-age_group": "7-12", "r-guardian_name": "Sara Lind",
              "r-guardian_email": "sara@example.se", "r-photos_allowed": "on"}  # fmt: skip
    client.post(f"/en/aktiviteter/{event.slug}/", form(**fields))
    elsa = Registration.objects.get(event=event)
    assert not elsa.photos_allowed  # the guardian decides that, not whoever registered
    path = f"/en/samtycke/{tokens.make(elsa, tokens.CONSENT)}/"
    monkeypatch.setattr(tokens, "CONSENT_MAX_AGE", -1)  # every link is now too old
    assert "too old to say yes with" in client.get(path).content.decode()
    page = client.post(path, {"answer": "yes"}, follow=True).content.decode()
    assert "The link is too old to say yes with." in page
    elsa.refresh_from_db()
    assert elsa.status == Status.PENDING_CONSENT
    client.post(path, {"answer": "no"})
    elsa.refresh_from_db()
    assert elsa.status == Status.CANCELLED and elsa.consent_withdrawn_at
    assert client.post(path, {"answer": "nonsense"}).status_code == 302  # never a 500


def test_the_events_as_a_calendar_follow_the_filters(client):
    make_event(slug="test-ics-alla", title="Digital vardag för alla")
    make_event(slug="test-ics-seniorer", title="Seniorcafé", age_min=65, age_max=85)
    response = client.get("/aktiviteter.ics", {"age": "7-12"})
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar") and "BEGIN:VCALENDAR" in body
    assert "Digital vardag för alla" in body and "Seniorcafé" not in body


def test_a_reminder_goes_once_the_day_before(django_capture_on_commit_callbacks):
    import datetime

    from tvatakt.inclusion import services

    event = make_event()
    registration = services.register(event=event, people=[services.Person("Aisha", "30-49")], contact_name="Aisha",
                                     email="aisha@example.se")  # fmt: skip
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.remind(now=event.starts_at - datetime.timedelta(days=2))
        registration.refresh_from_db()
        assert registration.reminded_at is None  # too early
        services.remind(now=event.starts_at - datetime.timedelta(hours=20))
        services.remind(now=event.starts_at - datetime.timedelta(hours=10))
    (reminder,) = [message for message in mail.outbox if message.to == ["aisha@example.se"]]
    assert reminder.subject.startswith("Imorgon") and reminder.attachments
