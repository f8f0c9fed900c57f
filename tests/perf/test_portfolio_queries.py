"""The portfolio's pages cost the same number of queries at 10 and at 50 initiatives."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tvatakt.organisation.models import Cluster, Organisation, Person
from tvatakt.portfolio.dates import quarter_end, quarter_start
from tvatakt.portfolio.models import Benefit, CheckIn, GateDecision, Initiative, ProcessType

pytestmark = pytest.mark.django_db
CEILING = 14


def grow(n: int, tag: str) -> Initiative:
    """Add n initiatives of every process type, each with gates, check-ins, clusters, a team and benefits."""
    today = timezone.localdate()
    person = Person.objects.get(username="initiativledare")
    organisations = list(Organisation.objects.all()[:5])
    clusters = list(Cluster.objects.all()[:2])
    types = list(ProcessType.objects.prefetch_related("phases"))
    made = []
    for i in range(n):
        process_type = types[i % len(types)]
        phases = list(process_type.phases.all())
        sprint = process_type.mode == "sprint"
        made.append(
            Initiative(
                slug=f"perf-{tag}-{i}",
                title=f"Perf {tag} {i}",
                process_type=process_type,
                current_phase=phases[i % len(phases)],
                phase_entered_on=today,
                organisation=organisations[i % 5],
                unit=process_type.unit,
                lead=person,
                start_date=today - datetime.timedelta(days=30 + i),
                planned_end=today + datetime.timedelta(days=100 + i),
                baseline_end=today + datetime.timedelta(days=90),
                status="active",
                health=["green", "amber", "red"][i % 3],
                health_reason="Skäl",
                is_confidential=i % 4 == 0,
                hypothesis="H" if sprint else "",
                quarter=quarter_start(today) if sprint else None,
                timebox_end=quarter_end(today) if sprint else None,
                outcome="stopped" if sprint and i % 5 == 0 else "",
                outcome_on=today if sprint and i % 5 == 0 else None,
                learning="L" if sprint and i % 5 == 0 else "",
            )
        )
    Initiative.objects.bulk_create(made)
    for initiative in made:
        initiative.clusters.set(clusters)
        initiative.team.set([person])
        add_records(initiative, 3)
    return made[0]


def add_records(initiative: Initiative, n: int) -> None:
    today = timezone.localdate()
    person = Person.objects.get(username="it-direktor")
    start = initiative.gate_decisions.count()
    for s in range(start, start + n):
        GateDecision.objects.create(
            initiative=initiative, sequence=s + 1, phase=initiative.current_phase, phase_name="Fas", decision="hold",
            reason="R", decided_by=person, decided_on=today, due_on=today,
        )  # fmt: skip
        CheckIn.objects.create(initiative=initiative, date=today, health="green", text="T", author=person)
        if initiative.process_type.mode == "marathon":
            Benefit.objects.create(
                initiative=initiative, name="N", measure="h", owner=person, baseline=1, target=2, due_on=today
            )
        initiative.title = f"{initiative.title}."
        initiative.save()  # one more history record
    Initiative.objects.filter(pk=initiative.pk).update(gate_revision=start + n)


PAGES = [
    "/portfolj/",
    "/portfolj/?health=red&mode=marathon",
    "/portfolj/oversikt/",
    "/portfolj/oversikt/?organisation=stadsarkivet",
    "/portfolj/initiativ/",
    "/portfolj/initiativ/?flag=stale",
    "/portfolj/processer/",
    "/api/v1/initiatives?limit=100",
]


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("who", [None, "it-direktor", "initiativledare"])
def test_portfolio_pages_cost_the_same_at_two_sizes(who, client_as):
    """Every page counted at 10 initiatives, then all again at 50: the data is grown twice per person, not for
    each page (each growth writes some 900 rows)."""
    client = client_as(who) if who else Client()
    urls = [*PAGES, "/portfolj/initiativ/export.csv", "/portfolj/initiativ/export.xlsx"]
    grow(10, "a")
    small = {url: count(client, url) for url in urls}
    grow(40, "b")
    large = {url: count(client, url) for url in urls}
    assert large == small, f"as {who}: queries at 10 initiatives, then at 50: {small} {large}"
    assert max(large.values()) <= CEILING, large


@pytest.mark.parametrize("kind", ["marathon", "sprint"])
def test_the_initiative_page_costs_the_same_with_a_long_record(kind, client_as):
    client = client_as("it-direktor")
    first = grow(5, "c")
    initiative = Initiative.objects.filter(slug__startswith="perf-c-", process_type__mode=kind).first()
    url = initiative.get_absolute_url()
    small = count(client, url)
    add_records(initiative, 15)
    large = count(client, url)
    assert small == large, f"{url}: {small} vs {large}"
    assert large <= CEILING + 6
    assert first
