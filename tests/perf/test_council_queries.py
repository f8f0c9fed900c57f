"""The council's pages cost the same number of queries at 3 and at 15 decisions."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tvatakt.council import services
from tvatakt.council.models import Council, Meeting
from tvatakt.organisation.models import Person

pytestmark = pytest.mark.django_db
CEILING = 14


def grow(n: int, secretary: Person, raiser: Person) -> Meeting:
    council, _ = Council.objects.get_or_create(slug="perf-radet", defaults={"name": "Rådet", "quorum": 1})
    starts = timezone.now() - datetime.timedelta(days=3)
    meeting = services.meeting_schedule(
        actor=secretary, council=council, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1), place="P"
    )
    for i in range(n):
        item = services.agenda_item_add(
            actor=secretary, meeting=meeting, kind="decision", title=f"B{i}", raised_by=raiser
        )
        services.decision_record(
            actor=secretary, item=item, text=f"Beslut {i}", method="consensus", scope="all",
            deadline=timezone.localdate() + datetime.timedelta(days=30),
        )  # fmt: skip
    return meeting


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/radet/",
        "/radet/beslut/",
        "/radet/beslut/?status=overdue",
        "/radet/moten.ics",
        "/radet/inforande/",
        "/api/v1/decisions?limit=50",
    ],
)
def test_council_pages_cost_the_same_at_two_sizes(url, person):
    client = Client()
    grow(3, person("sekreterare"), person("it-direktor"))
    small = count(client, url)
    grow(12, person("sekreterare"), person("it-direktor"))
    large = count(client, url)
    assert small == large <= CEILING, f"{url}: {small} vs {large}"


def test_meeting_and_decision_pages_and_the_ambassadors_page_stay_flat(person, client_as):
    few = grow(2, person("sekreterare"), person("it-direktor"))
    many = grow(10, person("sekreterare"), person("it-direktor"))
    client = Client()
    assert count(client, few.get_absolute_url()) == count(client, many.get_absolute_url()) <= CEILING
    first, last = few.items.first().decision, many.items.last().decision
    assert count(client, first.get_absolute_url()) == count(client, last.get_absolute_url()) <= CEILING
    for meeting in (few, many):
        services.meeting_mark_held(actor=person("sekreterare"), meeting=meeting)
    minutes = [f"/radet/moten/{meeting.pk}/protokoll/" for meeting in (few, many)]
    secretary = client_as("sekreterare")  # a draft is for the council and its secretary
    assert count(secretary, minutes[0]) == count(secretary, minutes[1]) <= CEILING
    ambassador = client_as("ambassador")
    small = count(ambassador, "/radet/mitt-inforande/")
    grow(8, person("sekreterare"), person("it-direktor"))
    assert count(ambassador, "/radet/mitt-inforande/") == small
