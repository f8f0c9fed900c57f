"""The adoption dashboard: are we going the same way? A page of decisions against every organisation,
implementation rates per organisation and cluster, and the trend over time. A fixed number of queries; the
figures over all records are kept in the shared cache until the content changes."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from tvatakt.core.cache import remembered
from tvatakt.core.i18n import swedish_order
from tvatakt.council.choices import DONE_STATES, AdoptionState
from tvatakt.council.models import Adoption, AdoptionStep, Decision
from tvatakt.council.selectors import Rate, adoption_rates
from tvatakt.organisation.models import Cluster, Organisation

SHORT = {
    AdoptionState.PENDING: "–",
    AdoptionState.INFORMED: "I",
    AdoptionState.PLANNED: "P",
    AdoptionState.IMPLEMENTED: "✓",
    AdoptionState.EXEMPTION_REQUESTED: "U?",
    AdoptionState.EXEMPTED: "U",
}


@dataclass
class Row:
    organisation: Organisation
    cells: list  # (state, label, short sign, late) per decision, or None when the decision does not apply
    rate: Rate


def matrix(decisions: list[Decision], rates: dict[int, Rate], today=None) -> list[Row]:
    """One row per active organisation, in the order of the names shown (the short name where there is one)."""
    today = today or timezone.localdate()
    organisations = sorted(
        Organisation.objects.filter(is_active=True), key=lambda o: swedish_order(o.short_name or o.name)
    )
    found = {
        (decision_id, organisation_id): state
        for decision_id, organisation_id, state in Adoption.objects.filter(decision__in=decisions).values_list(
            "decision_id", "organisation_id", "state"
        )
    }
    rows = []
    for organisation in organisations:
        cells = []
        for decision in decisions:
            state = found.get((decision.pk, organisation.pk))
            if state is None:
                cells.append(None)
            else:
                late = state not in DONE_STATES and decision.deadline < today
                cells.append((state, AdoptionState(state).label, SHORT[state], late))
        rows.append(Row(organisation, cells, rates.get(organisation.pk, Rate())))
    return rows


def organisation_rates() -> dict[int, Rate]:
    return remembered("council-organisation-rates", lambda: adoption_rates(Adoption.objects, by="organisation_id"))


def cluster_rates(rates: dict[int, Rate]) -> list[tuple[Cluster, Rate]]:
    return [
        (cluster, sum((rates.get(member.pk, Rate()) for member in cluster.members.all()), Rate()))
        for cluster in Cluster.objects.prefetch_related("members").order_by("name")
    ]


def trend() -> list[tuple[str, float | None]]:
    return remembered("council-adoption-trend", _trend)


def _quarter(day) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _trend() -> list[tuple[str, float | None]]:
    """At the end of each quarter: the share of the adoption records then in force that were done by then.

    Grouped by decision and by day in SQL and put into quarters here: a date function per row (SQLite's
    quarter truncation runs in Python) would cost more than the 80,000 steps it groups."""
    created, finished = defaultdict(int), defaultdict(int)
    decided = dict(Decision.objects.values_list("pk", "decided_on"))
    for decision_id, n in Adoption.objects.values_list("decision_id").annotate(n=Count("pk")).order_by():
        created[_quarter(decided[decision_id])] += n
    done_steps = AdoptionStep.objects.filter(state__in=DONE_STATES).values_list("date")
    for day, n in done_steps.annotate(n=Count("pk")).order_by():
        finished[_quarter(day)] += n
    points, total, done = [], 0, 0
    for year, quarter in sorted(set(created) | set(finished)):
        total += created[year, quarter]
        done += finished[year, quarter]
        points.append((f"{year} Q{quarter}", done / total if total else None))
    return points[-8:]
