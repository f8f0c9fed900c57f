"""The demo's season of events makes the inclusion pages meaningful: many events across districts and ages,
the coding party at City Hall, a full event with a waiting list, and past events with who came."""

import pytest

from tvatakt.inclusion.choices import EventKind, Status
from tvatakt.inclusion.models import Event, Registration

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_season_of_events_across_districts_ages_and_kinds():
    events = Event.objects.filter(slug__startswith="demo-")
    assert 40 <= events.count() <= 50
    assert set(events.values_list("kind", flat=True)) == set(EventKind.values)
    assert events.values("place__district").distinct().count() >= 11
    assert events.filter(age_max__lte=12).exists() and events.filter(age_min__gte=65).exists()
    party = Event.objects.get(slug="demo-kodkalas-i-stadshuset")
    assert party.age_min == 7 and party.registrations.filter(status=Status.PENDING_CONSENT).exists()


def test_the_demo_has_a_full_event_with_a_waiting_list_and_past_events_with_attendance():
    full = [event for event in Event.objects.filter(slug__startswith="demo-") if event.seats_free == 0]
    assert any(event.registrations.filter(status=Status.WAITING).exists() for event in full)
    past = Registration.objects.filter(event__slug__startswith="demo-", status__in=[Status.ATTENDED, Status.NO_SHOW])
    assert past.filter(status=Status.ATTENDED).count() > 5 * past.filter(status=Status.NO_SHOW).count() > 0
    for event in Event.objects.filter(slug__startswith="demo-"):
        held = sum(event.registrations.filter(holds_seats=True).values_list("seats", flat=True))
        assert event.seats_taken == held <= event.capacity, event.slug
    from tvatakt.inclusion.choices import HOLDS_SEATS

    demo = Registration.objects.filter(event__slug__startswith="demo-")
    assert not demo.filter(holds_seats=True).exclude(status__in=HOLDS_SEATS).exists()
    assert not demo.filter(holds_seats=False, status__in=HOLDS_SEATS).exists()  # those who came held a seat


def test_at_the_coding_party_guardians_have_answered_and_the_host_has_written():
    party = Event.objects.get(slug="demo-kodkalas-i-stadshuset")
    answered = party.registrations.exclude(consent_given_at=None)
    assert answered.filter(status=Status.CONFIRMED).count() >= 2
    said_no = party.registrations.get(consent_withdrawn_at__isnull=False)
    assert said_no.status == Status.CANCELLED
    message = party.messages.get()
    assert message.recipients == party.registrations.filter(status__in=["confirmed", "pending_consent"]).count()
    assert Registration.objects.filter(event__slug__startswith="demo-", photos_allowed=False).exists()
