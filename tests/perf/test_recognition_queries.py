"""The recognition pages cost the same number of queries with few events and with many."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tvatakt.organisation.models import Organisation, Person, Unit
from tvatakt.recognition.choices import EventKind
from tvatakt.recognition.services.events import event_record

pytestmark = pytest.mark.django_db
CEILING = 14
KINDS = [EventKind.GATE_ON_TIME, EventKind.SCALED, EventKind.ADOPTED_EARLY, EventKind.OUTCOME_IN_QUARTER]


def grow(start: int, n: int) -> None:
    organisations = list(Organisation.objects.order_by("pk")[:10])
    units = list(Unit.objects.order_by("pk"))
    lead = Person.objects.get(username="initiativledare")
    for i in range(start, start + n):
        event_record(
            kind=KINDS[i % len(KINDS)], subject=f"perf:{i}", occurred_on=datetime.date(2026, 1 + i % 12, 1 + i % 28),
            organisation=organisations[i % len(organisations)], unit=units[i % len(units)], person=lead,
        )  # fmt: skip


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/erkannande/",
        "/erkannande/?quarter=2026-04-01",
        "/erkannande/?quarter=2026-04-01&span=year",
        "/erkannande/organisationer/utbildningsforvaltningen/",
        "/erkannande/personer/initiativledare/",
        "/erkannande/policy/",
        "/api/v1/recognition/events?limit=50",
        "/api/v1/recognition/balances?level=cluster",
        "/api/v1/recognition/balances?level=organisation&quarters=4",
    ],
)
def test_recognition_pages_cost_the_same_at_two_sizes(url):
    client = Client()
    grow(0, 12)
    small = count(client, url)
    grow(12, 120)
    large = count(client, url)
    assert small == large <= CEILING, f"{url}: {small} vs {large}"


def test_the_dashboard_costs_the_same_for_a_logged_in_director(client_as):
    client = client_as("it-direktor")
    grow(0, 12)
    small = count(client, "/erkannande/")
    grow(12, 120)
    assert count(client, "/erkannande/") == small <= CEILING


# -- Lessons and awards ------------------------------------------------------------------------------------------

LESSON_TEXTS = {
    "tried": "Vi prövade.",
    "expected": "Vi trodde.",
    "happened": "Det hände.",
    "learned": "Vi lärde oss.",
    "advice": "Gör så här.",
}


def publish_lessons(n: int, tag: str) -> None:
    """n published lessons with two tags each, on the demo's stopped initiatives, each used by an open one."""
    from tvatakt.portfolio.models import Initiative
    from tvatakt.recognition.services import lessons

    stopped = Initiative.objects.get(slug="robot-for-fakturakontroll")  # led by initiativledare, no lesson yet
    others = Initiative.objects.exclude(lead__username="initiativledare").exclude(lead=None)
    users = list(others.filter(status="active").select_related("lead").order_by("pk")[:3])  # readers, not writers
    head = Person.objects.get(username="enhetschef")
    for i in range(n):
        lesson = lessons.lesson_write(
            actor=stopped.lead, initiative=stopped, title=f"Lärdom {tag} {i}", tags=f"perf-{tag}, perf-{i}",
            **LESSON_TEXTS,
        )  # fmt: skip
        lessons.lesson_submit(actor=stopped.lead, lesson=lesson)
        lesson = lessons.lesson_review(actor=head, lesson=lesson, publish=True)
        user = users[i % len(users)]
        lessons.lesson_use_add(actor=user.lead, lesson=lesson, initiative=user)


@pytest.mark.parametrize("who", [None, "initiativledare", "enhetschef"])
@pytest.mark.parametrize(
    "url", ["/erkannande/lardomar/", "/erkannande/lardomar/?q=vi+l%C3%A4rde", "/api/v1/recognition/lessons"]
)
def test_the_lesson_list_costs_the_same_with_more_lessons(url, who, client_as):
    client = client_as(who) if who else Client()
    publish_lessons(2, "a")
    small = count(client, url)
    publish_lessons(15, "b")
    assert count(client, url) == small <= CEILING


def test_a_lesson_page_costs_the_same_with_more_uses_and_tags(client_as):
    from tvatakt.recognition.models import Lesson

    publish_lessons(1, "c")
    lesson = Lesson.objects.get(title="Lärdom c 0")
    client = client_as("initiativledare")
    small = count(client, lesson.get_absolute_url())
    publish_lessons(3, "d")
    lesson.tags.add(*Lesson.objects.get(title="Lärdom d 1").tags.all())
    assert count(client, lesson.get_absolute_url()) == small <= CEILING


def test_a_round_page_costs_the_same_with_more_nominations(client_as):
    from tvatakt.portfolio.models import Initiative
    from tvatakt.recognition.models import AwardRound
    from tvatakt.recognition.services import awards

    award_round = AwardRound.objects.get(category="experiment")  # the demo's open round
    url = award_round.get_absolute_url()
    director, nominator = Person.objects.get(username="it-direktor"), Person.objects.get(username="enhetschef")
    public = list(Initiative.objects.public().exclude(nominations__round=award_round).order_by("pk")[:12])
    clients = [Client(), client_as("it-direktor"), client_as("jurymedlem")]
    small = [count(client, url) for client in clients]
    for initiative in public:
        awards.nomination_add(actor=nominator, round=award_round, initiative=initiative, motivation="Bra.")
    assert [count(client, url) for client in clients] == small
    assert max(small) <= CEILING
    awards.round_close_nominations(actor=director, round=award_round)
    assert count(client_as("it-direktor"), url) <= CEILING
