"""The events' public pages cost the same number of queries with few events and registrations and with many."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.inclusion.conftest import adult, contact, make_event
from tvatakt.inclusion import services

pytestmark = pytest.mark.django_db
CEILING = 12


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(start: int, n: int) -> None:
    for number in range(start, start + n):
        event = make_event(slug=f"test-perf-{number}", capacity=3)
        for person in range(4):
            services.register(event=event, people=[adult()], **contact(person))


IN_TEN_DAYS = f"{timezone.localdate() + datetime.timedelta(days=10):%Y-%m}"


@pytest.mark.parametrize(
    "url",
    ["/aktiviteter/", "/aktiviteter/?age=65-74&free=on", "/aktiviteter/test-perf-0/",
     f"/aktiviteter/kalender/?manad={IN_TEN_DAYS}"],  # the month make_event's events start in
)  # fmt: skip
def test_event_pages_cost_the_same_at_two_sizes(client, url):
    grow(0, 2)
    small = count(client, url)
    grow(2, 10)
    large = count(client, url)
    assert small == large <= CEILING, f"{url}: {small} vs {large}"


def test_the_reach_dashboard_costs_the_same_at_two_sizes(client):
    grow(0, 2)
    small = count(client, "/aktiviteter/rackvidd/")
    grow(2, 10)
    assert count(client, "/aktiviteter/rackvidd/") == small <= CEILING


def test_a_registration_through_the_api_costs_at_most_eight_queries(client):
    """The event; then in one transaction (BEGIN and COMMIT are counted) the seats, the registration, the rate
    limit's counter, the participant and the e-mail task. Nothing is looked up first: unique indexes refuse a
    retry's key and a contact registered already."""
    import json

    make_event(slug="test-perf-api", capacity=100)
    body = json.dumps(
        {"contact_name": "Q", "email": "q@example.se", "participants": [{"name": "Q", "age_group": "30-49"}]}
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/api/v1/events/test-perf-api/registrations", body, content_type="application/json")
    assert response.status_code == 201
    assert len(queries) <= 8, [query["sql"][:80] for query in queries]


@pytest.mark.parametrize("page", ["deltagare/", "meddelanden/"])
def test_a_host_s_pages_cost_the_same_with_few_and_many_registrations_and_messages(client, page):
    from tvatakt.organisation.models import Person

    host = Person.objects.create_superuser("perf-host", "perf-host@example.se", "x")
    client.force_login(host)
    event = make_event(slug="test-perf-host", capacity=40)

    def more(start: int, n: int) -> None:
        for number in range(start, start + n):
            phone_only = {"email": "", "phone": f"070-{number:07d}"} if number % 3 == 0 else {}
            services.register(event=event, people=[adult(f"P {number}")], **(contact(number) | phone_only))
        services.send_message(actor=host, event=event, subject=f"Om {n}", body="Hej.", audience="everyone")

    more(0, 2)
    small = count(client, f"/aktiviteter/{event.slug}/{page}")
    more(2, 12)
    assert count(client, f"/aktiviteter/{event.slug}/{page}") == small <= CEILING
