"""The demo's recognition: events replayed from the demo's own portfolio and council records.

The services record events as the demo's stories are told, so on a fresh load this finds them in place. It
matters for a database loaded before recognition existed: every gate, outcome, follow-up and adoption is
put through the same rules (`recognise_*`), dated the day it happened. Safe to run again: an event is
recorded once per kind and subject.

The generator's step does the same for the generated records, in bulk and without the services.
"""

from django.db import transaction
from django.db.models import F, Q

from tvatakt.council.choices import AdoptionState
from tvatakt.council.models import AdoptionStep
from tvatakt.demo.generated_council import MARKER
from tvatakt.demo.generator import GENERATED_PREFIX, Advance, batched
from tvatakt.portfolio.choices import GateChoice, Mode, Outcome, Status
from tvatakt.portfolio.dates import quarter_end, quarter_start
from tvatakt.portfolio.models import BenefitFollowUp, GateDecision, Initiative
from tvatakt.recognition.choices import TEMPO, EventKind
from tvatakt.recognition.models import Event
from tvatakt.recognition.services.events import (
    policy_current,
    recognise_adoption,
    recognise_benefit,
    recognise_gate,
    recognise_outcome,
    within_budget,
)


@transaction.atomic
def load_demo_recognition() -> int:
    """Replay the demo's (not the generator's) records through the recognition rules. Returns the events added."""
    before = Event.objects.count()
    demo = ~Q(slug__startswith=GENERATED_PREFIX)
    initiatives = Initiative.objects.filter(demo).select_related("process_type")
    by_pk = {initiative.pk: initiative for initiative in initiatives}
    gates = GateDecision.objects.filter(initiative__in=by_pk).order_by("decided_on", "pk")
    for record in gates:
        recognise_gate(record, by_pk[record.initiative_id], recorded_on=record.decided_on)
    for initiative in by_pk.values():
        recognise_outcome(initiative)
    follow_ups = BenefitFollowUp.objects.filter(benefit__initiative__in=by_pk).select_related("benefit")
    latest = {}
    for follow_up in follow_ups.order_by("date", "pk"):
        latest[follow_up.benefit_id] = follow_up  # the benefit's latest value is its latest follow-up's
    for follow_up in latest.values():
        follow_up.benefit.initiative = by_pk[follow_up.benefit.initiative_id]
        recognise_benefit(follow_up.benefit, follow_up.date, follow_up.recorded_by_id)
    implemented = (
        AdoptionStep.objects.filter(state=AdoptionState.IMPLEMENTED)
        .exclude(adoption__decision__item__background__endswith=MARKER)  # the generator's decisions
        .select_related("adoption__decision", "adoption__organisation")
    )
    for step in implemented:
        recognise_adoption(step.adoption, step, reported_on=step.date)  # the demo's past, as it happened
    return Event.objects.count() - before


# -- The generator's step ---------------------------------------------------------------------------------------


def generated_done() -> int:
    """How many generated initiatives the step has gone through: up to the last one with an event."""
    last = (
        Event.objects.filter(initiative__slug__startswith=GENERATED_PREFIX)
        .order_by("-initiative_id")
        .values_list("initiative_id", flat=True)
        .first()
    )
    if last is None:
        return 0
    return Initiative.objects.filter(slug__startswith=GENERATED_PREFIX, pk__lte=last).count()


def generate(start: int, stop: int, advance: Advance) -> None:
    """Events for generated initiatives number `start` to `stop`, and, with the last of them, for the generated
    adoptions. Built from narrow queries and inserted in bulk; a conflict means it is there already."""
    policy = policy_current()
    slugs = [f"{GENERATED_PREFIX}{index:07d}" for index in range(start, stop)]
    for chunk in batched(slugs, 1000):
        initiatives = list(
            Initiative.objects.filter(slug__in=chunk).values_list(
                "pk", "organisation_id", "unit_id", "lead_id", "process_type__mode", "status", "actual_end",
                "budget_planned", "budget_spent", "quarter", "timebox_end", "outcome", "outcome_on", "learning",
            )
        )  # fmt: skip
        events = list(_initiative_events(policy, initiatives))
        with transaction.atomic():
            Event.objects.bulk_create(events, ignore_conflicts=True, batch_size=1000)
        advance(len(chunk))
    if stop >= Initiative.objects.filter(slug__startswith=GENERATED_PREFIX).count():
        _adoption_events(policy)


def _event(policy, kind: str, subject: str, day, **whom) -> Event:
    return Event(
        kind=kind, subject=subject, tempo=TEMPO[kind], points=policy.points(kind), policy=policy, occurred_on=day,
        quarter=quarter_start(day), **whom,
    )  # fmt: skip


def _initiative_events(policy, initiatives):
    marathons = {}
    for pk, organisation, unit, lead, mode, status, ended, planned, spent, *sprint in initiatives:
        whom = {"initiative_id": pk, "organisation_id": organisation, "unit_id": unit, "person_id": lead}
        if mode == Mode.MARATHON:
            marathons[pk] = whom
            if status == Status.DONE and ended and within_budget(planned, spent):
                yield _event(policy, EventKind.WITHIN_BUDGET, f"initiative:{pk}", ended, **whom)
            continue
        quarter, timebox_end, outcome, outcome_on, learning = sprint
        if not outcome or outcome_on is None or quarter is None:
            continue
        subject = f"outcome:{pk}"
        if outcome_on <= quarter_end(quarter):
            yield _event(policy, EventKind.OUTCOME_IN_QUARTER, subject, outcome_on, **whom)
        if outcome == Outcome.STOPPED and learning.strip() and outcome_on <= (timebox_end or quarter_end(quarter)):
            yield _event(policy, EventKind.STOPPED_WITH_LEARNING, subject, outcome_on, **whom)
        if outcome == Outcome.SCALED:
            yield _event(policy, EventKind.SCALED, subject, outcome_on, **whom)
    gates = GateDecision.objects.filter(initiative__in=list(marathons), decision=GateChoice.GO)
    for phase, initiative, decided_on, due_on in gates.values_list("phase_id", "initiative_id", "decided_on", "due_on"):
        if decided_on <= due_on:
            subject = f"gate:{initiative}:{phase}"
            yield _event(policy, EventKind.GATE_ON_TIME, subject, decided_on, **marathons[initiative])


def _adoption_events(policy) -> None:
    """The generated adoptions implemented on or before their deadline."""
    steps = AdoptionStep.objects.filter(
        state=AdoptionState.IMPLEMENTED,
        adoption__decision__item__background__endswith=MARKER,
        date__lte=F("adoption__decision__deadline"),
    ).values_list("adoption_id", "adoption__organisation_id", "date")
    events = (
        _event(policy, EventKind.ADOPTED_EARLY, f"adoption:{adoption}", day, organisation_id=organisation)
        for adoption, organisation, day in steps.iterator(chunk_size=5000)
    )
    for chunk in batched(events, 5000):
        with transaction.atomic():
            Event.objects.bulk_create(chunk, ignore_conflicts=True, batch_size=1000)
