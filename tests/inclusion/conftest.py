import datetime

import pytest
from django.utils import timezone, translation

from tvatakt.inclusion.choices import EventKind, EventState
from tvatakt.inclusion.models import Event, Place
from tvatakt.inclusion.services import Person
from tvatakt.organisation.models import Organisation


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def make_event(slug="test-kodkalas", capacity=5, **fields) -> Event:
    now = timezone.now()
    district = Organisation.objects.filter(kind="district_administration").order_by("pk").first()
    place = Place.objects.create(name="Tensta bibliotek", address="Tensta allé 1", district=district, step_free=True)
    values = {
        "slug": slug, "kind": EventKind.WORKSHOP, "title": "Digital vardag", "description": "Vi lär oss e-tjänster.",
        "host": district, "place": place, "starts_at": now + datetime.timedelta(days=10),
        "ends_at": now + datetime.timedelta(days=10, hours=2), "capacity": capacity,
        "registration_opens": now - datetime.timedelta(days=1), "registration_closes": now + datetime.timedelta(days=9),
        "state": EventState.PUBLISHED, "age_min": 7, "age_max": 85,
    }  # fmt: skip
    return Event.objects.create(**(values | fields))


@pytest.fixture
def event(db):
    return make_event()


def adult(name="Aisha Ali", first_time=True) -> Person:
    return Person(name=name, age_group="30-49", first_time=first_time)


def child(name="Elsa") -> Person:
    return Person(name=name, age_group="7-12", first_time=True)


def contact(number: int = 1, **fields) -> dict:
    return {"contact_name": f"Deltagare {number}", "email": f"deltagare{number}@example.se"} | fields
