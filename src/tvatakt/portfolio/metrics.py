"""The portfolio dashboard's measures, side by side for the two tempos.

Each measure is computed from a handful of narrow queries (values, not model instances), so the
dashboard costs the same number of queries at sixty initiatives as at five thousand.
"""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from tvatakt.portfolio.choices import GateChoice, Mode
from tvatakt.portfolio.dates import quarter_end, quarter_label
from tvatakt.portfolio.models import Benefit, GateDecision


@dataclass
class MarathonMeasures:
    gates_decided: int = 0
    gates_on_time: int = 0
    slip_days: list[int] = field(default_factory=list)  # planned (or actual) end minus baseline, per initiative
    budget_planned: int = 0
    budget_spent: int = 0
    benefits_due: int = 0
    benefits_realised: int = 0
    slip_by_year: dict[int, float] = field(default_factory=dict)  # mean slip by start year

    @property
    def on_time_share(self) -> float | None:
        return self.gates_on_time / self.gates_decided if self.gates_decided else None

    @property
    def mean_slip(self) -> float | None:
        return statistics.mean(self.slip_days) if self.slip_days else None

    @property
    def slipped(self) -> int:
        return sum(slip > 0 for slip in self.slip_days)

    @property
    def budget_variance(self) -> int:
        return self.budget_spent - self.budget_planned


@dataclass
class QuarterOutcomes:
    label: str
    scaled: int = 0
    pivoted: int = 0
    stopped: int = 0
    within_quarter: int = 0
    learnings: int = 0

    @property
    def decided(self) -> int:
        return self.scaled + self.pivoted + self.stopped

    @property
    def kill_rate(self) -> float | None:
        return self.stopped / self.decided if self.decided else None


@dataclass
class SprintMeasures:
    cycle_days: list[int] = field(default_factory=list)
    quarters: list[QuarterOutcomes] = field(default_factory=list)

    @property
    def decided(self) -> int:
        return sum(q.decided for q in self.quarters)

    @property
    def recent_quarters(self) -> list[QuarterOutcomes]:
        return self.quarters[-8:]  # two years is what a dashboard reader compares

    @property
    def median_cycle(self) -> float | None:
        return statistics.median(self.cycle_days) if self.cycle_days else None

    @property
    def within_quarter_share(self) -> float | None:
        return sum(q.within_quarter for q in self.quarters) / self.decided if self.decided else None

    @property
    def kill_rate(self) -> float | None:
        return sum(q.stopped for q in self.quarters) / self.decided if self.decided else None

    @property
    def learnings(self) -> int:
        return sum(q.learnings for q in self.quarters)


def marathon_measures(initiatives, today: datetime.date | None = None) -> MarathonMeasures:
    """`initiatives` is the filtered queryset the dashboard shows. Counts and sums are left to the database."""
    today = today or timezone.localdate()
    marathons = initiatives.filter(process_type__mode=Mode.MARATHON)
    m = MarathonMeasures()
    slips = defaultdict(list)
    for start, baseline, planned, actual in marathons.values_list(
        "start_date", "baseline_end", "planned_end", "actual_end"
    ):
        slip = ((actual or planned) - baseline).days
        m.slip_days.append(slip)
        slips[start.year].append(slip)
    m.slip_by_year = {year: statistics.mean(values) for year, values in sorted(slips.items())}
    money = marathons.order_by().aggregate(planned=Sum("budget_planned"), spent=Sum("budget_spent"))
    m.budget_planned, m.budget_spent = int(money["planned"] or 0), int(money["spent"] or 0)
    gates = GateDecision.objects.filter(initiative__in=marathons.values("pk"), decision=GateChoice.GO).aggregate(
        decided=Count("pk"), on_time=Count("pk", filter=Q(decided_on__lte=F("due_on")))
    )
    m.gates_decided, m.gates_on_time = gates["decided"], gates["on_time"]
    # Realised: the latest value has reached the target, in whichever direction the target lies.
    reached = Q(target__gte=F("baseline"), latest_value__gte=F("target")) | Q(
        target__lt=F("baseline"), latest_value__lte=F("target")
    )
    benefits = Benefit.objects.filter(initiative__in=marathons.values("pk"), due_on__lte=today).aggregate(
        due=Count("pk"), realised=Count("pk", filter=reached)
    )
    m.benefits_due, m.benefits_realised = benefits["due"], benefits["realised"]
    return m


def sprint_measures(initiatives) -> SprintMeasures:
    sprints = initiatives.filter(process_type__mode=Mode.SPRINT).exclude(outcome="").exclude(quarter=None)
    s = SprintMeasures()
    by_quarter: dict[datetime.date, QuarterOutcomes] = {}
    rows = sprints.values_list("quarter", "start_date", "outcome_on", "outcome", "learning").order_by("quarter")
    for quarter, start, outcome_on, outcome, learning in rows:
        q = by_quarter.setdefault(quarter, QuarterOutcomes(quarter_label(quarter)))
        setattr(q, outcome, getattr(q, outcome) + 1)
        if outcome_on is not None:
            s.cycle_days.append((outcome_on - start).days)
            q.within_quarter += outcome_on <= quarter_end(quarter)
        q.learnings += bool(learning.strip())
    s.quarters = list(by_quarter.values())
    return s
