"""The adoption dashboard: are we going the same way? A page of decisions against every organisation,
implementation rates per organisation and cluster, and the trend over time. A fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import TruncQuarter
from django.utils import timezone

from tvatakt.council.choices import DONE_STATES, AdoptionState
from tvatakt.council.models import Adoption, AdoptionStep, Decision
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
class Rate:
    total: int = 0
    done: int = 0
    overdue: int = 0

    @property
    def share(self) -> float | None:
        return self.done / self.total if self.total else None


@dataclass
class Row:
    organisation: Organisation
    cells: list  # (state, label, overdue) per decision, or None when the decision does not apply
    rate: Rate = field(default_factory=Rate)


def matrix(decisions: list[Decision], today=None) -> list[Row]:
    today = today or timezone.localdate()
    organisations = list(Organisation.objects.filter(is_active=True).order_by("name"))
    found = {
        (decision_id, organisation_id): state
        for decision_id, organisation_id, state in Adoption.objects.filter(decision__in=decisions).values_list(
            "decision_id", "organisation_id", "state"
        )
    }
    rates = organisation_rates(today)
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


def organisation_rates(today=None) -> dict[int, Rate]:
    today = today or timezone.localdate()
    rows = Adoption.objects.values("organisation_id").annotate(
        total=Count("pk"),
        done=Count("pk", filter=Q(state__in=DONE_STATES)),
        overdue=Count("pk", filter=~Q(state__in=DONE_STATES) & Q(decision__deadline__lt=today)),
    )
    return {row["organisation_id"]: Rate(row["total"], row["done"], row["overdue"]) for row in rows.order_by()}


def cluster_rates(rates: dict[int, Rate]) -> list[tuple[Cluster, Rate]]:
    result = []
    for cluster in Cluster.objects.prefetch_related("members").order_by("name"):
        rate = Rate()
        for member in cluster.members.all():
            own = rates.get(member.pk, Rate())
            rate.total, rate.done, rate.overdue = (
                rate.total + own.total,
                rate.done + own.done,
                rate.overdue + own.overdue,
            )
        result.append((cluster, rate))
    return result


def trend() -> list[tuple[str, float | None]]:
    """At the end of each quarter: the share of the adoption records then in force that were done by then."""
    created = defaultdict(int)
    for row in (
        Adoption.objects.annotate(q=TruncQuarter("decision__decided_on")).values("q").annotate(n=Count("pk")).order_by()
    ):
        created[row["q"]] += row["n"]
    finished = defaultdict(int)
    steps = AdoptionStep.objects.filter(state__in=DONE_STATES).annotate(q=TruncQuarter("date"))
    for row in steps.values("q").annotate(n=Count("pk")).order_by():
        finished[row["q"]] += row["n"]
    points, total, done = [], 0, 0
    for quarter in sorted(set(created) | set(finished)):
        total += created[quarter]
        done += finished[quarter]
        label = f"{quarter.year} Q{(quarter.month - 1) // 3 + 1}"
        points.append((label, done / total if total else None))
    return points[-8:]
