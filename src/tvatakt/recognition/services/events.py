"""Recognition events and the policy that weighs them.

Events are recorded by the portfolio's and the council's services, inside their own transactions, so a
decision that is rolled back takes its event with it. Each (kind, subject) is recorded once, however often it
is reported. The `recognise_*` functions hold the rules for what earns an event; the services call them.
"""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.council.choices import AdoptionState
from tvatakt.organisation.models import Person
from tvatakt.portfolio.choices import GateChoice, Mode, Outcome, Status
from tvatakt.portfolio.dates import quarter_end, quarter_start
from tvatakt.recognition.choices import DEFAULT_WEIGHTS, TEMPO, EventKind
from tvatakt.recognition.models import Event, Policy

MAX_POINTS = 1000
BUDGET_TOLERANCE = 10  # delivered within ±10 % of the planned budget
# A gate decided in a meeting is often written up a few days later. Written up later than this after its due
# day, it earns nothing, whatever date it gives: a back-dated record must not buy "on time".
GATE_RECORD_GRACE = datetime.timedelta(days=7)


def policy_current() -> Policy:
    """The policy in force: the latest version. The first call makes version 1 from the default weights."""
    policy = Policy.objects.order_by("-version").first()
    if policy is not None:
        return policy
    try:
        with transaction.atomic():
            return Policy.objects.create(
                version=1, weights={str(kind): points for kind, points in DEFAULT_WEIGHTS.items()}
            )
    except IntegrityError:  # someone else made version 1 at the same moment
        return Policy.objects.order_by("-version").first()


def _clean_weights(weights: dict) -> dict[str, int]:
    unknown = sorted(set(map(str, weights)) - set(EventKind.values))
    if unknown:
        raise DomainError({NON_FIELD_ERRORS: _("Unknown kinds of event: %(kinds)s.") % {"kinds": ", ".join(unknown)}})
    cleaned, errors = {}, {}
    for kind in EventKind.values:
        value = weights.get(kind)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_POINTS:
            errors[kind] = _("Give a whole number of points from 0 to %(max)s.") % {"max": MAX_POINTS}
        else:
            cleaned[kind] = value
    if errors:
        raise DomainError(errors)
    return cleaned


def policy_update(*, actor: Person, weights: dict, note: str, seen_version: int | None = None) -> Policy:
    """A new version of the policy. The old one is kept as it was: events keep the points they earned under it.
    `seen_version` is the version the editor started from: if another has been saved since, nothing is saved,
    so one edit never silently undoes another."""
    require(actor, "recognition.edit_policy")
    cleaned = _clean_weights(weights)
    if not note.strip():
        raise DomainError({"note": _("Say why the points change.")})
    try:
        with transaction.atomic():
            latest = Policy.objects.select_for_update().order_by("-version").first() or policy_current()
            if seen_version is not None and latest.version != seen_version:
                raise IntegrityError("a newer version was saved")
            policy = Policy(version=latest.version + 1, weights=cleaned, note=note.strip(), created_by=actor)
            policy.full_clean()
            policy.save()
    except IntegrityError as exc:  # the unique version caught a race the row lock could not (SQLite)
        raise DomainError(_("Someone else changed the policy at the same moment. Reload the page to see it.")) from exc
    return policy


def _recorded(kind: str, subject: str) -> bool:
    return Event.objects.filter(kind=kind, subject=subject).exists()


def event_record(
    *,
    kind: str,
    subject: str,
    occurred_on: datetime.date,
    initiative=None,
    organisation=None,
    unit=None,
    person=None,
) -> Event | None:
    """Record that something recognisable happened, with the points of the policy in force. Returns the new
    event, or None when this kind of event was already recorded for this subject (a repeat never counts twice).

    Called from inside the caller's transaction. The organisation and unit it rewards come from the initiative
    when one is given."""
    kind = EventKind(kind)
    if _recorded(kind, subject):
        return None
    policy = policy_current()
    event = Event(
        kind=kind,
        subject=subject,
        tempo=TEMPO[kind],
        points=policy.points(kind),
        policy=policy,
        occurred_on=occurred_on,
        quarter=quarter_start(occurred_on),
        initiative=initiative,
        organisation_id=initiative.organisation_id if initiative else getattr(organisation, "pk", None),
        unit_id=initiative.unit_id if initiative else getattr(unit, "pk", None),
        # The person given, else the initiative's lead: a lesson's reuse rewards whoever wrote it.
        person_id=getattr(person, "pk", None) or (initiative.lead_id if initiative else None),
    )
    try:
        with transaction.atomic():  # a savepoint: losing the race must not spoil the caller's transaction
            event.save()
    except IntegrityError:
        if _recorded(kind, subject):  # another reporter recorded it first
            return None
        raise
    return event


# What earns an event. Each is called by the service that changed the state, after the change.


def recognise_gate(record, initiative, recorded_on: datetime.date | None = None) -> None:
    """A marathon gate passed on or before its due day (the dashboard's "gates on time"), and a marathon
    delivered within budget when its last gate ends it. `recorded_on` is the day the decision was written down:
    today, except when the demo replays its own past."""
    if initiative.mode != Mode.MARATHON:
        if initiative.outcome:  # a sprint stopped at a gate has its outcome now
            recognise_outcome(initiative)
        return
    recorded_on = recorded_on or timezone.localdate()
    if record.decision == GateChoice.GO and record.on_time and recorded_on <= record.due_on + GATE_RECORD_GRACE:
        event_record(
            # One per phase's gate, however often it is decided: recycling a phase never earns it twice.
            kind=EventKind.GATE_ON_TIME, subject=f"gate:{initiative.pk}:{record.phase_id}",
            occurred_on=record.decided_on, initiative=initiative,
        )  # fmt: skip
    if initiative.status == Status.DONE and within_budget(initiative.budget_planned, initiative.budget_spent):
        event_record(
            kind=EventKind.WITHIN_BUDGET, subject=f"initiative:{initiative.pk}", occurred_on=initiative.actual_end,
            initiative=initiative,
        )  # fmt: skip


def within_budget(planned, spent) -> bool:
    return planned > 0 and abs(spent - planned) * 100 <= planned * BUDGET_TOLERANCE


def recognise_outcome(initiative) -> None:
    """A sprint's outcome: decided within its quarter; stopped before its timebox ran out, with a learning
    (a stop in time is a success); or scaled into operations."""
    if not initiative.outcome or initiative.outcome_on is None or initiative.quarter is None:
        return
    day, subject = initiative.outcome_on, f"outcome:{initiative.pk}"
    if day <= quarter_end(initiative.quarter):
        event_record(kind=EventKind.OUTCOME_IN_QUARTER, subject=subject, occurred_on=day, initiative=initiative)
    timebox_end = initiative.timebox_end or quarter_end(initiative.quarter)
    if initiative.outcome == Outcome.STOPPED and initiative.learning.strip() and day <= timebox_end:
        event_record(kind=EventKind.STOPPED_WITH_LEARNING, subject=subject, occurred_on=day, initiative=initiative)
    if initiative.outcome == Outcome.SCALED:
        event_record(kind=EventKind.SCALED, subject=subject, occurred_on=day, initiative=initiative)


def recognise_benefit(benefit, day: datetime.date, recorded_by_id: int | None) -> None:
    """A benefit whose latest follow-up reached its target. It counts as confirmed only when someone other than
    the initiative's lead recorded it: nobody earns points from their own figures."""
    initiative = benefit.initiative
    if benefit.is_realised and recorded_by_id != initiative.lead_id:
        event_record(
            kind=EventKind.BENEFIT_REALISED, subject=f"benefit:{benefit.pk}", occurred_on=day, initiative=initiative
        )


def recognise_adoption(adoption, step, reported_on: datetime.date | None = None) -> None:
    """An organisation that implemented a council decision on or before its deadline, and said so by then: a
    report made after the deadline earns nothing, whatever date it gives. `reported_on` is today, except when the
    demo replays its own past."""
    reported_on = reported_on or timezone.localdate()
    deadline = adoption.decision.deadline
    if step.state == AdoptionState.IMPLEMENTED and step.date <= deadline and reported_on <= deadline:
        event_record(
            kind=EventKind.ADOPTED_EARLY, subject=f"adoption:{adoption.pk}", occurred_on=step.date,
            organisation=adoption.organisation,
        )  # fmt: skip
