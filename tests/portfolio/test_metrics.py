import datetime
from decimal import Decimal

import pytest
from django.test import Client

from tvatakt.portfolio import metrics, services
from tvatakt.portfolio.models import Initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def portfolio(make_initiative, person, today):
    """Two marathons and three decided sprints, made through the services, titled so a filter finds them."""
    director = person("it-direktor")
    start = today - datetime.timedelta(days=100)
    a = make_initiative("program", title="Mätt A", start_date=start, planned_end=today, budget_planned=100)
    late_start = today - datetime.timedelta(days=200)
    b = make_initiative("program", title="Mätt B", start_date=late_start, planned_end=today, budget_planned=200)
    services.initiative_update(actor=director, initiative=a, planned_end=today + datetime.timedelta(days=30))
    services.initiative_update(actor=director, initiative=a, budget_spent=Decimal(150))
    for initiative, day in ((a, start + datetime.timedelta(days=10)), (b, today)):
        initiative.refresh_from_db()
        services.gate_decide(
            actor=director, initiative=initiative, phase=initiative.current_phase, decision="go",
            reason="R", revision=initiative.gate_revision, decided_on=day,
        )  # fmt: skip
    benefit = services.benefit_create(
        actor=director, initiative=a, name="N", measure="h", owner=director, baseline=10, target=20, due_on=today
    )
    services.benefit_follow_up(actor=director, benefit=benefit, value=Decimal(25))
    services.benefit_create(
        actor=director, initiative=b, name="M", measure="h", owner=director, baseline=10, target=5, due_on=today
    )
    for outcome in ("scaled", "stopped", "pivoted"):
        sprint = make_initiative(title=f"Mätt {outcome}", start_date=today - datetime.timedelta(days=5))
        services.sprint_outcome_decide(actor=director, initiative=sprint, outcome=outcome, learning="Lärdom")
    return Initiative.objects.filter(title__startswith="Mätt")


def test_marathon_measures(portfolio, today):
    m = metrics.marathon_measures(portfolio, today)
    assert m.slip_days == [30, 0] or sorted(m.slip_days) == [0, 30]
    assert m.mean_slip == 15 and m.slipped == 1
    assert (m.budget_planned, m.budget_spent, m.budget_variance) == (300, 150, -150)
    assert (m.gates_decided, m.gates_on_time) == (2, 1)  # Program's first phase is due after 120 days
    assert (m.benefits_due, m.benefits_realised) == (2, 1)


def test_sprint_measures(portfolio):
    s = metrics.sprint_measures(portfolio)
    assert s.decided == 3 and s.kill_rate == pytest.approx(1 / 3)
    assert s.within_quarter_share == 1 and s.learnings == 3
    assert s.median_cycle == 5
    (quarter,) = s.quarters
    assert (quarter.scaled, quarter.pivoted, quarter.stopped) == (1, 1, 1)


def test_the_dashboard_shows_the_measures_of_the_filtered_initiatives(portfolio):
    html = Client().get("/en/portfolj/oversikt/?q=Mätt").content.decode()
    assert "33 %" in html  # kill rate: one stopped of three decided
    assert "1 of 2" in html  # gates on time
    assert 'id="chart-outcomes"' in html and "<table" in html
