"""Load the demo city's process catalogue and portfolio. Idempotent, like the rest of the demo."""

import datetime
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify
from simple_history.signals import pre_create_historical_record

from tvatakt.demo.initiatives import GO, GO_NOTES, ROUTINE_CHECKS, Gain, Plan
from tvatakt.demo.marathons import MARATHONS
from tvatakt.demo.processes import PROCESS_TYPES
from tvatakt.demo.sprints import SPRINTS
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment, Unit
from tvatakt.portfolio import services
from tvatakt.portfolio.choices import GateChoice, Health, Mode, OverrunDecision, PhaseRule, Status
from tvatakt.portfolio.dates import add_quarters, quarter_end, quarter_start, standstill_end
from tvatakt.portfolio.models import Benefit, Initiative, Phase, ProcessType

CLOCK_UID = "tvatakt-demo-portfolio-clock"
PORTFOLIO = MARATHONS + SPRINTS


def load_process_types() -> dict[str, ProcessType]:
    """The catalogue, created once. A unit head's later edits are kept: existing types are not touched."""
    units = {unit.slug: unit for unit in Unit.objects.all()}
    types = {}
    for slug, unit, name, name_en, mode, description, description_en, phases in PROCESS_TYPES:
        process_type, created = ProcessType.objects.get_or_create(
            slug=slug,
            defaults={
                "unit": units[unit],
                "name": name,
                "name_en": name_en,
                "mode": mode,
                "description": description,
                "description_en": description_en,
            },
        )
        if created:
            Phase.objects.bulk_create(
                Phase(
                    process_type=process_type,
                    order=order,
                    name=phase_name,
                    name_en=phase_name_en,
                    gate=gate,
                    gate_en=gate_en,
                    default_days=days,
                    rule=rule,
                )
                for order, (phase_name, phase_name_en, gate, gate_en, days, rule) in enumerate(phases, start=1)
            )
        types[slug] = process_type
    return types


def load_demo_portfolio() -> int:
    """Replay each initiative's story through the services. Returns how many were added.

    An initiative whose slug exists already is left alone, so a second load adds nothing. Every step is
    taken by someone with the authority for it, and its history is dated on the day it happened.
    """
    today = timezone.localdate()
    existing = set(Initiative.objects.values_list("slug", flat=True))
    plans = [plan for plan in PORTFOLIO if slugify(plan.title)[:70] not in existing]
    if not plans:
        return 0
    cast = _Cast()
    with _dated_history() as clock:
        for plan in plans:
            _Story(plan, cast, clock, today).tell()
    return len(plans)


class _Clock:
    """The day the story has reached. History records written meanwhile are dated then, not now."""

    def __init__(self) -> None:
        self.moment: datetime.datetime | None = None
        self.ticks = 0
        self.thread = threading.get_ident()  # only the loader's own writes, should a server run alongside

    def at(self, day: datetime.date | None) -> None:
        if day is None:
            self.moment = None
            return
        self.ticks += 1
        hour, minute = 8 + self.ticks % 9, (self.ticks * 17) % 60
        self.moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    def stamp(self, sender, history_instance, **kwargs) -> None:
        if self.moment is not None and threading.get_ident() == self.thread:
            history_instance.history_date = self.moment


@contextmanager
def _dated_history():
    clock = _Clock()
    pre_create_historical_record.connect(clock.stamp, weak=False, dispatch_uid=CLOCK_UID)
    try:
        yield clock
    finally:
        pre_create_historical_record.disconnect(dispatch_uid=CLOCK_UID)


class _Cast:
    """The people, places and process types the stories need, each read once."""

    def __init__(self) -> None:
        self._people: dict[str, Person] = {}
        self.ambassadors: dict[str, Person] = {}
        self.heads: dict[str, Person] = {}
        roles = (
            RoleAssignment.objects.active()
            .filter(role__in=[Role.AMBASSADOR, Role.UNIT_HEAD], is_deputy=False)
            .select_related("person", "organisation", "unit")
            .order_by("valid_from", "pk")
        )
        for row in roles:
            person = self._people.setdefault(row.person.username, row.person)
            if row.role == Role.AMBASSADOR:
                self.ambassadors.setdefault(row.organisation.name, person)
            else:
                self.heads.setdefault(row.unit.slug, person)
        self.organisations = {organisation.name: organisation for organisation in Organisation.objects.all()}
        self.units = {unit.slug: unit for unit in Unit.objects.all()}
        self.clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
        self.member_of: dict[str, list[Cluster]] = {}
        for cluster in self.clusters.values():
            for organisation in cluster.members.all():
                self.member_of.setdefault(organisation.name, []).append(cluster)
        self.process_types = {process_type.slug: process_type for process_type in ProcessType.objects.all()}
        self.phases = {
            slug: list(process_type.phases.filter(is_active=True).order_by("order", "pk"))
            for slug, process_type in self.process_types.items()
        }

    def person(self, username: str) -> Person:
        if username not in self._people:
            self._people[username] = Person.objects.get(username=username)
        return self._people[username]

    def who(self, name: str, organisation: str, unit: str) -> Person:
        """A person named in a plan: a user name, "amb", "amb:<organisation>" or "head"."""
        if name == "amb":
            return self.ambassadors[organisation]
        if name.startswith("amb:"):
            return self.ambassadors[name[4:]]
        if name == "head":
            return self.heads[unit]
        return self.person(name)


@dataclass
class _Gate:
    decision: str
    reason: str
    weight: float
    phase: int  # index of the phase decided
    day: datetime.date | None = None


class _Story:
    """One plan, turned into dated events and replayed in order through the services."""

    def __init__(self, plan: Plan, cast: _Cast, clock: _Clock, today: datetime.date) -> None:
        self.plan, self.cast, self.clock, self.today = plan, cast, clock, today
        self.process_type = cast.process_types[plan.kind]
        self.phases = cast.phases[plan.kind]
        self.sprint = self.process_type.mode == Mode.SPRINT
        self.unit_slug = plan.unit or self.process_type.unit.slug
        self.unit = cast.units[self.unit_slug]
        self.lead = self._who(plan.lead)
        self.decider = self._who(plan.decider) if plan.decider else cast.heads[self.unit_slug]
        if self.decider == self.lead:
            self.decider = cast.person("it-direktor")
        self.events: list[tuple[datetime.date, int, int, Callable[[], None]]] = []
        self.initiative: Initiative | None = None
        self.benefits: dict[str, Benefit] = {}

    def _who(self, token: str) -> Person:
        return self.cast.who(token, self.plan.organisation, self.unit_slug)

    def tell(self) -> None:
        self._schedule()
        for day, _priority, _seq, action in sorted(self.events, key=lambda event: event[:3]):
            self.clock.at(day)
            action()
        if self.plan.overrun:
            self.clock.at(None)  # decided today, as the services require
            self._resolve_overrun()

    def _on(self, day: datetime.date, priority: int, action: Callable[[], None]) -> None:
        self.events.append((day, priority, len(self.events), action))

    # -- Planning the dates ---------------------------------------------------------------------------

    def _span(self) -> tuple[datetime.date, datetime.date, datetime.date]:
        """(start, last decision, planned end) in dates."""
        plan, today = self.plan, self.today
        if self.sprint:
            first = add_quarters(quarter_start(today), plan.quarter)
            start = first + datetime.timedelta(days=plan.days[0])
            last = first + datetime.timedelta(days=plan.days[1])
            if plan.quarter == 0:
                start, last = min(start, today), min(last, today)
            return start, max(start, last), quarter_end(first)
        start = today - datetime.timedelta(days=plan.start)
        return start, today - datetime.timedelta(days=plan.last), start + datetime.timedelta(days=plan.length)

    def _gates(self, start: datetime.date, last: datetime.date) -> list[_Gate]:
        gates, index = [], 0
        for number, step in enumerate(self.plan.path):
            decision, reason, weight = (step, "", None) if isinstance(step, str) else (*step, None)[:3]
            phase = self.phases[index]
            if weight is None:
                weight = phase.default_days if decision in (GO, GateChoice.STOP) else phase.default_days / 2
            if not reason:
                reason = f"{phase.gate}. {GO_NOTES[(number + len(self.plan.title)) % len(GO_NOTES)]}"
            gates.append(_Gate(decision, reason, weight, index))
            index += {GateChoice.GO: 1, GateChoice.RECYCLE: -1}.get(decision, 0)
        weights = [gate.weight for gate in gates]
        if self.plan.outcome:
            weights.append(self.phases[index].default_days)
        total, done, span = sum(weights) or 1, 0.0, (last - start).days
        previous, award = start, None
        for gate in gates:
            done += gate.weight
            day = max(previous, start + datetime.timedelta(days=round(span * done / total)))
            if gate.decision == GO and self.phases[gate.phase].rule == PhaseRule.STANDSTILL:
                day = max(day, standstill_end(award, electronically=True) + datetime.timedelta(days=1))
            if gate.decision == GO and gate.phase + 1 < len(self.phases):
                if self.phases[gate.phase + 1].rule == PhaseRule.STANDSTILL:
                    award = day
            gate.day = previous = day
        if gates and previous > self.today:
            raise ValueError(f"{self.plan.title}: the story runs past today")
        return gates

    def _ends(self, gates: list[_Gate]) -> bool:
        if self.plan.outcome:
            return True
        if not gates:
            return False
        last = gates[-1]
        return last.decision == GateChoice.STOP or (last.decision == GO and last.phase == len(self.phases) - 1)

    def _check_days(self, start: datetime.date, closes: datetime.date | None) -> list[datetime.date]:
        plan = self.plan
        if plan.status == Status.PROPOSED:
            return []
        if closes:
            newest = max(start, closes - datetime.timedelta(days=1))  # the last check-in comes before the end
        else:
            newest = self.today - datetime.timedelta(days=plan.quiet)
        step = 7 if self.sprint else 30
        count = len(plan.checks) or plan.check_count
        days = {newest - datetime.timedelta(days=step * k) for k in range(count)}
        return sorted(day for day in days if start <= day <= self.today)

    def _schedule(self) -> None:
        plan = self.plan
        start, last, planned_end = self._span()
        gates = self._gates(start, last)
        closes = last if self._ends(gates) else None
        created = start if start <= self.today else self.today - datetime.timedelta(days=20)
        check_days = self._check_days(start, closes)
        self._on(created, 0, lambda: self._create(start, planned_end, created, quiet=not check_days))
        self._schedule_check_ins(check_days)
        for gate in gates:
            self._on(gate.day, 4, lambda gate=gate: self._decide(gate))
            if gate.decision == GO and gate.phase + 1 < len(self.phases):
                if self.phases[gate.phase + 1].rule == PhaseRule.STANDSTILL:
                    self._on(gate.day, 5, lambda day=gate.day: self._update(self.decider, award_sent_on=day))
        busy = check_days[-1] if check_days else max((gate.day for gate in gates), default=created)
        if plan.budget[1]:
            self._on(busy, 3, lambda: self._update(self.lead, budget_spent=plan.budget[1]))
        if plan.status == Status.PAUSED:
            self._on(busy, 6, lambda: self._update(self.lead, status=Status.PAUSED))
        if plan.slip:
            slipped = planned_end + datetime.timedelta(days=plan.slip)
            self._on(self._slip_day(gates, start), 5, lambda: self._update(self.decider, planned_end=slipped))
        if plan.outcome:
            self._on(last, 7, lambda: self._decide_outcome(last))
        self._schedule_benefits(start, gates)

    def _slip_day(self, gates: list[_Gate], start: datetime.date) -> datetime.date:
        """When the planned end moved: at the first trouble, if any. While proposed, the baseline moves too."""
        if self.plan.status == Status.PROPOSED:
            return self.today - datetime.timedelta(days=6)
        troubled = [gate.day for gate in gates if gate.decision in (GateChoice.HOLD, GateChoice.RECYCLE)]
        if troubled:
            return troubled[0]
        if len(gates) > 1:
            return gates[1].day
        return start + (self.today - start) / 2

    def _schedule_check_ins(self, days: list[datetime.date]) -> None:
        plan = self.plan
        if plan.checks:
            notes = list(plan.checks[-len(days) :]) if days else []
        else:
            pool = ROUTINE_CHECKS[self.process_type.mode]
            notes = [(Health.GREEN, pool[(n + len(plan.title)) % len(pool)]) for n in range(len(days))]
            if notes and plan.health != Health.GREEN:
                notes[-1] = (plan.health, plan.reason)
        for day, (health, text) in zip(days, notes, strict=True):
            self._on(day, 2, lambda day=day, health=health, text=text: self._check_in(day, health, text))

    def _schedule_benefits(self, start: datetime.date, gates: list[_Gate]) -> None:
        for gain in self.plan.benefits:
            follow_ups = [(start + datetime.timedelta(days=d), value) for d, value in gain.follow_ups]
            follow_ups = [(day, value) for day, value in follow_ups if day <= self.today]
            first_gate = gates[0].day if gates else start + datetime.timedelta(days=30)
            day = min([first_gate, self.today, *(day for day, _ in follow_ups)])
            self._on(day, 1, lambda gain=gain, start=start: self._add_benefit(gain, start))
            for follow_day, value in follow_ups:
                self._on(
                    follow_day, 8, lambda gain=gain, day=follow_day, value=value: self._follow_up(gain, day, value)
                )

    # -- Replaying through the services ----------------------------------------------------------------

    def _create(self, start: datetime.date, planned_end: datetime.date, created: datetime.date, quiet: bool) -> None:
        plan, cast = self.plan, self.cast
        creator = self.lead if self.lead.username == "initiativledare" else cast.heads[self.unit_slug]
        health = plan.health if quiet and plan.status != Status.PROPOSED else Health.GREEN
        self.initiative = services.initiative_create(
            actor=creator,
            title=plan.title,
            title_en=plan.title_en,
            description=plan.description,
            description_en=plan.description_en,
            process_type=self.process_type,
            organisation=cast.organisations[plan.organisation],
            unit=self.unit,
            clusters=[cast.clusters[slug] for slug in plan.clusters]
            if plan.clusters is not None
            else cast.member_of.get(plan.organisation, []),
            lead=self.lead,
            team=[self._who(token) for token in plan.team],
            start_date=start,
            planned_end=planned_end,
            status=Status.PROPOSED if plan.status == Status.PROPOSED else Status.ACTIVE,
            health=health,
            health_reason=plan.reason if health != Health.GREEN else "",
            budget_planned=plan.budget[0],
            is_confidential=plan.confidential,
            hypothesis=plan.hypothesis,
            quarter=add_quarters(quarter_start(self.today), plan.quarter) if self.sprint else None,
            today=created,
        )

    def _check_in(self, day: datetime.date, health: str, text: str) -> None:
        services.initiative_check_in(actor=self.lead, initiative=self.initiative, health=health, text=text, date=day)

    def _update(self, actor: Person, **fields) -> None:
        self.initiative = services.initiative_update(actor=actor, initiative=self.initiative, **fields)

    def _decide(self, gate: _Gate) -> None:
        initiative = self.initiative
        services.gate_decide(
            actor=self.decider,
            initiative=initiative,
            phase=self.phases[gate.phase],
            decision=gate.decision,
            reason=gate.reason,
            revision=initiative.gate_revision,
            decided_on=gate.day,
        )

    def _decide_outcome(self, day: datetime.date) -> None:
        outcome, learning = self.plan.outcome
        self.initiative = services.sprint_outcome_decide(
            actor=self.decider, initiative=self.initiative, outcome=outcome, learning=learning, decided_on=day
        )

    def _add_benefit(self, gain: Gain, start: datetime.date) -> None:
        benefit = services.benefit_create(
            actor=self.lead,
            initiative=self.initiative,
            name=gain.name,
            name_en=gain.name_en,
            measure=gain.measure,
            owner=self._who(gain.owner),
            baseline=Decimal(str(gain.baseline)),
            target=Decimal(str(gain.target)),
            due_on=start + datetime.timedelta(days=gain.due),
        )
        self.benefits[gain.name] = benefit

    def _follow_up(self, gain: Gain, day: datetime.date, value: float) -> None:
        services.benefit_follow_up(
            actor=self.lead, benefit=self.benefits[gain.name], value=Decimal(str(value)), date=day
        )

    def _resolve_overrun(self) -> None:
        decision, reason = self.plan.overrun
        if decision == OverrunDecision.CONVERT:
            director = self.cast.person("it-direktor")
            self.initiative = services.overrun_resolve(
                actor=director,
                initiative=self.initiative,
                decision=decision,
                reason=reason,
                process_type=self.cast.process_types["forvaltning"],
            )
            self._update(
                director,
                unit=self.cast.units["teknisk-utveckling-och-forvaltning"],
                planned_end=self.today + datetime.timedelta(days=730),
            )
            return
        self.initiative = services.overrun_resolve(
            actor=self.decider, initiative=self.initiative, decision=decision, reason=reason
        )
