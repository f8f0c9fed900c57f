"""The generator's portfolio step: thousands of initiatives over five years, inserted in bulk.

The rows skip the services for speed, so this module keeps their rules itself: the end after the start,
a sprint timeboxed with a hypothesis, an outcome with a learning, a reason for amber and red, the phase in
the initiative's process type, gate decisions numbered 1, 2, 3… with the initiative's gate revision at the
last, and the last check-in date at the latest check-in. Each initiative draws from its own seeded random
generator, so index N is the same initiative on every machine and in every run. Dates are relative to
today, so the generated portfolio looks as current as the demo.
"""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tvatakt.demo.generator import GENERATED_PREFIX, Advance, batched
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment, Unit
from tvatakt.portfolio.choices import GateChoice, Health, Mode, Outcome, PhaseRule, Status
from tvatakt.portfolio.dates import add_quarters, quarter_end, quarter_start, standstill_end
from tvatakt.portfolio.models import Benefit, BenefitFollowUp, CheckIn, GateDecision, Initiative, Phase, ProcessType

SEED = 20261130
BATCH = 500  # initiatives per transaction; each brings about a dozen more rows
YEARS = 5

TOPICS = [
    ("e-tjänst för bygglov", "an e-service for building permits"),
    ("system för schemaläggning", "a scheduling system"),
    ("chattbot för kundtjänsten", "a customer service chatbot"),
    ("sensorer för luftkvalitet", "air quality sensors"),
    ("öppet API för parkering", "an open API for parking"),
    ("digital signering", "digital signing"),
    ("AI-stöd i handläggningen", "AI support for case handling"),
    ("e-arkiv", "an e-archive"),
    ("bokning av lokaler", "room booking"),
    ("digitala trygghetslarm", "digital personal alarms"),
    ("lärplattform", "a learning platform"),
    ("ärendehantering", "case management"),
    ("intranät", "an intranet"),
    ("ny webbplats", "a new website"),
    ("digital felanmälan", "online fault reporting"),
    ("app för hyresgäster", "an app for tenants"),
    ("taligenkänning", "speech recognition"),
    ("digitala lås", "digital locks"),
    ("fakturahantering", "invoice handling"),
    ("besöksräkning", "visitor counting"),
    ("självservice för lösenord", "self-service passwords"),
    ("digital inskrivning", "digital enrolment"),
    ("karttjänst", "a map service"),
    ("datalager", "a data warehouse"),
    ("tolkning på distans", "remote interpreting"),
    ("sensorer i vattennätet", "sensors in the water network"),
    ("öppna data", "open data"),
    ("digital tidsbokning", "online appointments"),
]
PREFIX = {
    "upphandling-enligt-lou": ("Upphandling av", "Procurement of"),
    "program": ("Program för", "Programme for"),
    "forvaltning": ("Förvaltning av", "Operations of"),
    "snabbprojekt": ("Snabbprojekt:", "Fast project:"),
    "experiment": ("Experiment med", "Experiment with"),
    Mode.MARATHON: ("Program för", "Programme for"),
    Mode.SPRINT: ("Försök med", "Trial of"),
}
GO_NOTES = [
    "Beslut i ledningsgruppen.",
    "Underlaget är godkänt.",
    "Inga invändningar.",
    "Styrgruppen står bakom förslaget.",
]
REASONS = {
    GateChoice.HOLD: [
        "Underlaget är inte klart. Nytt beslut om en månad.",
        "Budgeten för nästa fas är inte beslutad.",
        "Vi väntar på besked från leverantören.",
        "Risken behöver utredas innan vi går vidare.",
    ],
    GateChoice.RECYCLE: [
        "Kraven behöver skrivas om.",
        "Testerna visade brister som måste rättas först.",
        "Behovet har ändrats. Vi går tillbaka ett steg.",
    ],
    GateChoice.STOP: [
        "Nyttan räcker inte för kostnaden.",
        "Behovet finns inte längre.",
        "Lösningen går inte att införa med rimlig insats.",
        "Bättre att stoppa i tid: kostnaderna växer snabbare än nyttan.",
    ],
}
CONTINUE = "Årlig översyn: fortsätt."
NOTES = {
    Health.GREEN: ["Arbetet följer planen.", "Inga nya risker.", "Leveransen kom enligt plan.", "Bra fart i teamet."],
    Health.AMBER: [
        "Leveransen är några veckor försenad.",
        "Kostnaderna ligger över plan.",
        "En nyckelperson har slutat, och en ersättare rekryteras.",
        "Ett beroende till ett annat projekt är osäkert.",
    ],
    Health.RED: [
        "Tidplanen håller inte. En ny plan behövs.",
        "Budgeten är överskriden, och mer pengar behövs.",
        "Leverantören klarar inte kraven.",
        "Arbetet står still i väntan på beslut.",
    ],
}
LEARNINGS = {
    Outcome.SCALED: [
        "Hypotesen höll. Lösningen införs i fler verksamheter.",
        "Användarna sparade tid. Vi skalar upp nästa kvartal.",
    ],
    Outcome.PIVOTED: [
        "Behovet fanns, men lösningen var fel. Vi prövar en annan väg.",
        "Användarna ville ha något enklare. Vi ändrar riktning.",
    ],
    Outcome.STOPPED: [
        "Hypotesen höll inte. Vi stoppar och delar lärdomen.",
        "Det kostade mer än det gav. Bra att vi vet det efter ett kvartal.",
    ],
}
GAINS = [
    ("Kortare handläggningstid", "Shorter processing time", "dagar", 20, 10),
    ("Andel ärenden som kommer in digitalt", "Share of cases made online", "%", 30, 80),
    ("Sparad arbetstid", "Working time saved", "timmar per år", 0, 2000),
    ("Nöjda användare", "Satisfied users", "%", 60, 80),
    ("Lägre kostnader", "Lower costs", "tkr per år", 1000, 700),
]
BUDGET = {Mode.MARATHON: (500_000, 60_000_000), Mode.SPRINT: (50_000, 900_000)}


@dataclass
class _World:
    """What every generated initiative draws on, read once per run."""

    today: datetime.date
    types: dict[str, list[ProcessType]]
    phases: dict[int, list[Phase]]
    units: list[int]
    organisations: list[Organisation]
    clusters_of: dict[int, list[int]]
    leads: dict[int, list[int]]
    staff: list[int]
    deciders: dict[int, int]
    director: int


@dataclass
class _Row:
    initiative: Initiative
    clusters: list[int]
    team: list[int]
    gates: list[GateDecision] = field(default_factory=list)
    check_ins: list[CheckIn] = field(default_factory=list)
    benefits: list[tuple[Benefit, list[BenefitFollowUp]]] = field(default_factory=list)


def generate(start: int, stop: int, advance: Advance) -> None:
    world = _world()
    for chunk in batched(range(start, stop), BATCH):
        rows = [_Maker(world, index).make() for index in chunk]
        with transaction.atomic():
            _insert(rows)
        advance(len(chunk))


def _world() -> _World:
    types = {Mode.MARATHON: [], Mode.SPRINT: []}
    phases = {}
    for process_type in ProcessType.objects.filter(is_active=True).select_related("unit").order_by("slug"):
        active = list(process_type.phases.filter(is_active=True).order_by("order", "pk"))
        if active:
            types[process_type.mode].append(process_type)
            phases[process_type.pk] = active
    clusters_of: dict[int, list[int]] = {}
    for cluster_id, organisation_id in Cluster.members.through.objects.values_list("cluster_id", "organisation_id"):
        clusters_of.setdefault(organisation_id, []).append(cluster_id)
    generated = RoleAssignment.objects.filter(person__username__startswith=GENERATED_PREFIX).exclude(role=Role.CITIZEN)
    leads: dict[int, list[int]] = {}
    for person_id, unit_id in generated.filter(role=Role.INITIATIVE_LEAD).values_list("person_id", "unit_id"):
        leads.setdefault(unit_id, []).append(person_id)
    staff = sorted(set(generated.values_list("person_id", flat=True)))
    director = Person.objects.get(username="it-direktor").pk
    deciders = dict(RoleAssignment.objects.active().filter(role=Role.UNIT_HEAD).values_list("unit_id", "person_id"))
    fallback = list(Person.objects.filter(roles__role=Role.INITIATIVE_LEAD).values_list("pk", flat=True).distinct())
    return _World(
        today=timezone.localdate(),
        types=types,
        phases=phases,
        units=list(Unit.objects.order_by("number").values_list("pk", flat=True)),
        organisations=list(Organisation.objects.order_by("pk")),
        clusters_of=clusters_of,
        leads=leads or {None: fallback},
        staff=staff or fallback,
        deciders=deciders,
        director=director,
    )


class _Maker:
    """One generated initiative with its history, built in memory from its own seeded generator."""

    def __init__(self, world: _World, index: int) -> None:
        self.world, self.index, self.today = world, index, world.today
        self.rng = random.Random(SEED + index)  # noqa: S311 - synthetic data, not security
        self.gates: list[GateDecision] = []
        self.status = Status.ACTIVE
        self.outcome = ""
        self.ended: datetime.date | None = None
        self.entered: datetime.date | None = None
        self.award: datetime.date | None = None

    def days(self, low: int, high: int) -> datetime.timedelta:
        return datetime.timedelta(days=self.rng.randint(low, high))

    def make(self) -> _Row:
        rng, world = self.rng, self.world
        sprint = bool(world.types[Mode.SPRINT]) and (rng.random() < 0.6 or not world.types[Mode.MARATHON])
        self.mode = Mode.SPRINT if sprint else Mode.MARATHON
        self.process_type = rng.choice(world.types[self.mode])
        self.phases = world.phases[self.process_type.pk]
        organisation = rng.choice(world.organisations)
        unit_id = self.process_type.unit_id if rng.random() < 0.85 else rng.choice(world.units)
        leads = world.leads.get(unit_id) or next(iter(world.leads.values()))
        lead = rng.choice(leads)
        self.decider = world.deciders.get(unit_id, world.director)
        if self.decider == lead:
            self.decider = world.director
        topic, topic_en = rng.choice(TOPICS)
        prefix, prefix_en = PREFIX.get(self.process_type.slug) or PREFIX[self.mode]
        name = organisation.short_name or organisation.name
        self.initiative = Initiative(
            slug=f"{GENERATED_PREFIX}{self.index:07d}",
            title=f"{prefix} {topic}, {name}"[:200],
            title_en=f"{prefix_en} {topic_en}, {name}"[:200],
            description=f"{prefix} {topic} för {organisation.name}. Syntetiska data för att pröva skalan.",
            description_en=f"{prefix_en} {topic_en} for {organisation.name}. Synthetic data to test scale.",
            process_type=self.process_type,
            organisation=organisation,
            unit_id=unit_id,
            lead_id=lead,
            is_confidential=rng.random() < 0.05,
        )
        if sprint:
            self._sprint(topic, name)
        else:
            self._marathon()
        self._close()
        clusters = world.clusters_of.get(organisation.pk, [])
        team = rng.sample(world.staff, k=min(len(world.staff), rng.randint(0, 3)))
        row = _Row(self.initiative, rng.sample(clusters, k=min(len(clusters), 2)), [p for p in team if p != lead])
        row.gates = self.gates
        row.check_ins = self._check_ins()
        row.benefits = self._benefits() if self.initiative.process_type.mode == Mode.MARATHON else []
        return row

    # -- The course of the work -----------------------------------------------------------------------

    def _gate(self, phase_index: int, decision: str, day: datetime.date, entered: datetime.date) -> None:
        phase = self.phases[phase_index]
        if decision == GateChoice.GO:
            reason = f"{phase.gate}. {self.rng.choice(GO_NOTES)}" if phase.gate else self.rng.choice(GO_NOTES)
        elif decision == GateChoice.HOLD and self.process_type.slug == "forvaltning":
            reason = CONTINUE
        else:
            reason = self.rng.choice(REASONS[decision])
        self.gates.append(
            GateDecision(
                sequence=len(self.gates) + 1,
                phase=phase,
                phase_name=phase.name,
                decision=decision,
                reason=reason,
                decided_by_id=self.decider,
                decided_on=day,
                due_on=entered + datetime.timedelta(days=phase.default_days),
            )
        )

    def _walk(self, start: datetime.date, until: datetime.date, stop_chance: float, sprint: bool) -> int:
        """Decide gates from `start` until a decision would fall after `until`. Returns the phase reached."""
        rng, phases = self.rng, self.phases
        index, entered, day, award = 0, start, start, None
        while len(self.gates) < 20:
            phase = phases[index]
            if sprint and index == len(phases) - 1:
                break  # a sprint's last phase ends with an outcome, not a gate
            roll = rng.random()
            if self.process_type.slug == "forvaltning" and index == 0:
                decision = GateChoice.HOLD if roll < 0.8 else GateChoice.GO if roll < 0.95 else GateChoice.STOP
            elif roll < stop_chance:
                decision = GateChoice.STOP
            elif roll < stop_chance + 0.1 and not sprint:
                decision = GateChoice.HOLD
            elif roll < stop_chance + 0.15 and index > 0:
                decision = GateChoice.RECYCLE
            else:
                decision = GateChoice.GO
            factor = 0.5 if decision in (GateChoice.HOLD, GateChoice.RECYCLE) and phase.default_days > 60 else 1
            day = day + datetime.timedelta(days=max(1, round(phase.default_days * factor * rng.uniform(0.5, 1.3))))
            if decision == GateChoice.GO and phase.rule == PhaseRule.STANDSTILL and award is not None:
                day = max(day, standstill_end(award, electronically=True) + datetime.timedelta(days=1))
            if day > until:
                break
            self._gate(index, decision, day, entered)
            if decision == GateChoice.STOP:
                self._end(Status.STOPPED, day)
                break
            if decision == GateChoice.GO:
                if index == len(phases) - 1:
                    self._end(Status.DONE, day)
                    break
                index, entered = index + 1, day
                if phases[index].rule == PhaseRule.STANDSTILL:
                    award = day
            elif decision == GateChoice.RECYCLE:
                index, entered = index - 1, day
        self.entered, self.award = entered, award
        return index

    def _end(self, status: str, day: datetime.date) -> None:
        self.status, self.ended = status, day

    def _marathon(self) -> None:
        rng, initiative, today = self.rng, self.initiative, self.today
        if rng.random() < 0.03:
            start = today + self.days(1, 120)  # planned, not started
        else:
            start = today - self.days(0, YEARS * 365)
        index = self._walk(start, today, stop_chance=0.02, sprint=False) if start <= today else 0
        total = sum(phase.default_days for phase in self.phases)
        initiative.start_date = start
        initiative.baseline_end = start + datetime.timedelta(days=round(total * rng.uniform(0.9, 1.3)))
        initiative.planned_end = initiative.baseline_end
        if self.gates and self.ended is None and rng.random() < 0.25:
            initiative.planned_end += self.days(30, 365)  # slipped after work started
        if not self.gates and (start > today or rng.random() < 0.5):
            self.status = Status.PROPOSED
        initiative.current_phase = self.phases[index]
        initiative.phase_entered_on = self.entered or start
        initiative.award_sent_on = self.award  # sent once the award phase was passed; None before
        low, high = BUDGET[Mode.MARATHON]
        self._budget(rng.randint(low // 100_000, high // 100_000) * 100_000, start)

    def _sprint(self, topic: str, name: str) -> None:
        rng, initiative, today = self.rng, self.initiative, self.today
        offset = rng.choice(range(-4 * YEARS + 1, 2)) if rng.random() < 0.9 else rng.choice((-1, 0, 0, 1))
        quarter = add_quarters(quarter_start(today), offset)
        start = quarter + self.days(0, 14)
        timebox_end = quarter_end(quarter)
        initiative.quarter, initiative.timebox_end = quarter, timebox_end
        initiative.hypothesis = f"Vi tror att {topic} sparar tid för {name}, mätt som minuter per ärende."
        initiative.start_date, initiative.planned_end, initiative.baseline_end = start, timebox_end, timebox_end
        index = 0
        if start <= today:
            index = self._walk(start, min(today, timebox_end), stop_chance=0.03, sprint=True)
        initiative.current_phase = self.phases[index]
        initiative.phase_entered_on = self.entered or start
        if start > today:
            self.status = Status.PROPOSED
        elif self.ended is None:
            self._sprint_end(index, start, timebox_end, offset)
        if self.status == Status.STOPPED and not self.outcome:
            self._outcome(Outcome.STOPPED, self.ended, learning=self.gates[-1].reason)
        low, high = BUDGET[Mode.SPRINT]
        self._budget(rng.randint(low // 10_000, high // 10_000) * 10_000, start)

    def _sprint_end(self, index: int, start: datetime.date, timebox_end: datetime.date, offset: int) -> None:
        """Decide the outcome of a sprint that reached its timebox; leave some overrun, extended or converted."""
        rng, today = self.rng, self.today
        last = self.gates[-1].decided_on if self.gates else start
        day = max(last, min(timebox_end - self.days(0, 10), today))
        if timebox_end >= today and (index < len(self.phases) - 1 or rng.random() < 0.7):
            return  # still under way in this quarter
        if offset == -1:
            roll = rng.random()
            if roll < 0.35:
                return  # overrun, waiting for a decision
            if roll < 0.55:
                self.initiative.extended = True
                self.initiative.timebox_end = self.initiative.planned_end = quarter_end(today)
                return
            if roll < 0.7:
                self._convert(timebox_end)
                return
        if offset < -1 and rng.random() < 0.03:
            self._convert(timebox_end)
            return
        if timebox_end >= today:
            day = min(today, last + self.days(1, 7))  # decided early, within its quarter
        weights = (0.5, 0.3, 0.2) if index == len(self.phases) - 1 else (0.15, 0.35, 0.5)
        self._outcome(rng.choices([Outcome.SCALED, Outcome.PIVOTED, Outcome.STOPPED], weights)[0], day)

    def _outcome(self, outcome: str, day: datetime.date, learning: str = "") -> None:
        initiative = self.initiative
        initiative.outcome, initiative.outcome_on = outcome, day
        initiative.learning = learning or self.rng.choice(LEARNINGS[outcome])
        self._end(Status.STOPPED if outcome == Outcome.STOPPED else Status.DONE, day)
        self.outcome = outcome

    def _convert(self, timebox_end: datetime.date) -> None:
        """The sprint became a marathon: its quarter, hypothesis and gates stay, for the record."""
        marathons = self.world.types[Mode.MARATHON]
        if not marathons:
            return
        process_type = self.rng.choice(marathons)
        self.process_type, self.phases = process_type, self.world.phases[process_type.pk]
        day = min(self.today, timebox_end + self.days(1, 30))
        self.initiative.process_type, self.initiative.current_phase = process_type, self.phases[0]
        self.initiative.phase_entered_on = day
        self.initiative.planned_end = day + datetime.timedelta(days=365)

    def _budget(self, planned: int, start: datetime.date) -> None:
        if self.status == Status.PROPOSED:
            spent = 0
        else:
            elapsed = ((self.ended or self.today) - start).days
            share = min(1.0, elapsed / max(1, (self.initiative.baseline_end - start).days))
            spent = round(planned * share * self.rng.uniform(0.6, 1.4), -3)
        self.initiative.budget_planned, self.initiative.budget_spent = Decimal(planned), Decimal(spent)

    def _close(self) -> None:
        initiative, rng = self.initiative, self.rng
        if self.status == Status.ACTIVE and rng.random() < 0.05:
            self.status = Status.PAUSED
        initiative.status, initiative.actual_end = self.status, self.ended
        initiative.gate_revision = len(self.gates)
        health = rng.choices([Health.GREEN, Health.AMBER, Health.RED], (0.7, 0.2, 0.1))[0]
        if self.status in (Status.DONE, Status.PROPOSED):
            health = Health.GREEN
        initiative.health = health
        initiative.health_reason = rng.choice(NOTES[health]) if health != Health.GREEN else ""

    # -- What was reported along the way ----------------------------------------------------------------

    def _check_ins(self) -> list[CheckIn]:
        initiative, rng, today = self.initiative, self.rng, self.today
        if initiative.status == Status.PROPOSED:
            return []
        cadence = 7 if self.mode == Mode.SPRINT else 31
        if self.ended:
            newest = self.ended - self.days(0, 3)
        elif rng.random() < 0.1:
            newest = today - self.days(cadence + 1, cadence + 60)  # stale: nobody has reported lately
        else:
            newest = today - self.days(0, cadence - 1)
        newest = max(initiative.start_date, min(newest, today))
        days = sorted({newest - datetime.timedelta(days=cadence * k) for k in range(rng.randint(3, 10))})
        days = [day for day in days if day >= initiative.start_date]
        rows = []
        for number, day in enumerate(days, start=1):
            if number == len(days):
                health, text = initiative.health, initiative.health_reason or rng.choice(NOTES[Health.GREEN])
            else:
                health = rng.choices([Health.GREEN, Health.AMBER, Health.RED], (0.75, 0.18, 0.07))[0]
                text = rng.choice(NOTES[health])
            rows.append(CheckIn(date=day, health=health, text=text, author_id=initiative.lead_id))
        initiative.last_check_in_on = days[-1] if days else None
        return rows

    def _benefits(self) -> list[tuple[Benefit, list[BenefitFollowUp]]]:
        initiative, rng, today = self.initiative, self.rng, self.today
        if initiative.status == Status.PROPOSED or rng.random() < 0.4:
            return []
        benefits = []
        for name, name_en, measure, baseline, target in rng.sample(GAINS, k=rng.randint(1, 2)):
            due = initiative.baseline_end + self.days(0, 365)
            benefit = Benefit(
                name=name,
                name_en=name_en,
                measure=measure,
                owner_id=initiative.lead_id,
                baseline=Decimal(baseline),
                target=Decimal(target),
                due_on=due,
            )
            follow_ups = []
            first = initiative.start_date + self.days(120, 400)
            for step in range(rng.randint(0, 3)):
                day = first + datetime.timedelta(days=180 * step)
                if day > today:
                    break
                reached = min(1.2, (step + 1) * rng.uniform(0.2, 0.5))
                value = Decimal(f"{baseline + (target - baseline) * reached:.1f}")
                follow_ups.append(BenefitFollowUp(date=day, value=value, recorded_by_id=initiative.lead_id))
            benefit.latest_value = follow_ups[-1].value if follow_ups else None
            benefits.append((benefit, follow_ups))
        return benefits


def _insert(rows: list[_Row]) -> None:
    initiatives = Initiative.objects.bulk_create([row.initiative for row in rows])
    if initiatives and not initiatives[0].pk:  # backends that do not return keys from bulk_create
        keys = dict(Initiative.objects.filter(slug__in=[i.slug for i in initiatives]).values_list("slug", "pk"))
        for initiative in initiatives:
            initiative.pk = keys[initiative.slug]
    in_cluster, on_team = Initiative.clusters.through, Initiative.team.through
    in_cluster.objects.bulk_create(
        in_cluster(initiative_id=row.initiative.pk, cluster_id=cluster) for row in rows for cluster in row.clusters
    )
    on_team.objects.bulk_create(
        on_team(initiative_id=row.initiative.pk, person_id=person) for row in rows for person in row.team
    )
    for row in rows:
        for record in [*row.gates, *row.check_ins]:
            record.initiative = row.initiative
        for benefit, _ in row.benefits:
            benefit.initiative = row.initiative
    GateDecision.objects.bulk_create(gate for row in rows for gate in row.gates)
    CheckIn.objects.bulk_create(check_in for row in rows for check_in in row.check_ins)
    pairs = [pair for row in rows for pair in row.benefits]
    benefits = Benefit.objects.bulk_create(benefit for benefit, _ in pairs)
    if benefits and not benefits[0].pk:
        return  # without keys the follow-ups cannot point at their benefits; the benefits alone are still valid
    for benefit, follow_ups in pairs:
        for follow_up in follow_ups:
            follow_up.benefit = benefit
    BenefitFollowUp.objects.bulk_create(follow_up for _, follow_ups in pairs for follow_up in follow_ups)
