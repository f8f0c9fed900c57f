"""Hosts plan events through the forms: a new one, a copy of an earlier one, changes, and cancelling."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tvatakt.inclusion import services
from tvatakt.inclusion.choices import EventState, Status
from tvatakt.inclusion.models import Event, Place
from tvatakt.organisation.models import Organisation

from .conftest import adult, contact, make_event

pytestmark = pytest.mark.django_db


def when(days: int, hour: int = 14) -> str:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


def event_form(**fields) -> dict:
    culture = Organisation.objects.get(name="Kulturförvaltningen")
    place = Place.objects.first() or Place.objects.create(name="Stadsbiblioteket", address="Sveavägen 73")
    return {
        "host": culture.pk, "kind": "senior_cafe", "title": "Seniorcafé: säkra betalningar",
        "description": "Vi övar på att betala säkert med telefonen.", "age_min": 65, "age_max": 85,
        "place": place.pk, "languages": ["sv", "sv-easy"], "starts_at": when(30), "ends_at": when(30, 16),
        "capacity": 12, "registration_opens": when(-1), "registration_closes": when(29), "waiting_list": "on",
        "offer_hours": 48, "consent_hours": 72, "publish": "on",
    } | fields  # fmt: skip


def test_a_host_creates_an_event_and_copies_it(client_as):
    client = client_as("vard")
    response = client.post("/en/aktiviteter/ny/", event_form())
    event = Event.objects.get(title="Seniorcafé: säkra betalningar")
    assert response.status_code == 302 and event.state == EventState.PUBLISHED and event.capacity == 12
    assert event.slug.startswith("seniorcafe-sakra-betalningar-") and event.hosts.filter(username="vard").exists()
    page = client.get("/en/aktiviteter/ny/", {"fran": event.slug}).content.decode()
    assert "Copy Seniorcafé: säkra betalningar" in page and 'value="Seniorcafé: säkra betalningar"' in page


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"ends_at": when(29)}, "ends_after"), ({"age_min": 80, "age_max": 70}, "ages"),
     ({"place": "", "online_url": ""}, "place"), ({"registration_closes": when(31)}, "registration_closes")],
)  # fmt: skip
def test_a_broken_event_is_refused_with_a_message_and_saves_nothing(client_as, fields, field):
    response = client_as("vard").post("/en/aktiviteter/ny/", event_form(**fields))
    assert response.status_code == 422
    assert not Event.objects.filter(title="Seniorcafé: säkra betalningar").exists()


def test_seats_cannot_drop_below_those_taken_and_a_cancelled_event_tells_everyone(
    client_as, django_capture_on_commit_callbacks
):
    culture = Organisation.objects.get(name="Kulturförvaltningen")
    event = make_event(slug="test-planera", host=culture, capacity=3)
    for number in range(3):
        services.register(event=event, people=[adult()], **contact(number))
    client = client_as("vard")
    times = {key: timezone.localtime(getattr(event, key)).strftime("%Y-%m-%dT%H:%M")
             for key in ("starts_at", "ends_at", "registration_opens", "registration_closes")}  # fmt: skip
    form = event_form(capacity=2, **times)
    response = client.post(f"/en/aktiviteter/{event.slug}/andra/", form)
    assert response.status_code == 422 and "3 seats are already taken" in response.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/aktiviteter/{event.slug}/stall-in/", {"reason": "Lokalen är stängd."})
    event.refresh_from_db()
    assert event.state == EventState.CANCELLED and event.seats_taken == 0
    assert set(event.registrations.values_list("status", flat=True)) == {Status.CANCELLED}
    assert len(mail.outbox) == 3 and "Lokalen är stängd." in mail.outbox[0].body


def test_only_hosts_plan_events(client_as):
    event = make_event(slug="test-inte-din")
    assert client_as("medborgare").get("/aktiviteter/ny/").status_code == 403
    assert client_as("vard").get(f"/aktiviteter/{event.slug}/andra/").status_code == 403  # another organisation's
    assert client_as("vard").post(f"/aktiviteter/{event.slug}/stall-in/", {"reason": "x"}).status_code == 403
