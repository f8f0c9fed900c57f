"""Decisions about an initiative's course: gates, sprint outcomes and what to do with an overrun sprint."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.organisation.models import Person
from tvatakt.portfolio.choices import GateChoice, Mode, Outcome, OverrunDecision, PhaseRule, Status
from tvatakt.portfolio.dates import extension_limit
from tvatakt.portfolio.models import GateDecision, Initiative, Phase, ProcessType
from tvatakt.portfolio.services.common import locked, save_as
from tvatakt.recognition.services.events import recognise_gate, recognise_outcome


def _decision_day(decided_on: datetime.date | None, initiative: Initiative) -> datetime.date:
    today = timezone.localdate()
    decided_on = decided_on or today
    if decided_on > today:
        raise DomainError({"decided_on": _("A decision cannot be dated in the future.")})
    if decided_on < initiative.phase_entered_on:
        raise DomainError({"decided_on": _("A decision cannot be dated before the phase it concerns began.")})
    return decided_on


def _neighbour(initiative: Initiative, step: int) -> Phase | None:
    phases = list(initiative.process_type.phases.filter(is_active=True).order_by("order", "pk"))
    current = initiative.current_phase
    if step > 0:
        return next((phase for phase in phases if (phase.order, phase.pk) > (current.order, current.pk)), None)
    return next((phase for phase in reversed(phases) if (phase.order, phase.pk) < (current.order, current.pk)), None)


def _refuse_if_someone_else_decided(current: Initiative, revision: int) -> None:
    if current.gate_revision == revision:
        return
    last = current.gate_decisions.select_related("decided_by").order_by("-sequence").first()
    raise DomainError(
        _(
            "Someone else decided this gate while you were deciding: %(decision)s, by %(name)s. "
            "Nothing of yours was saved. Read their decision, then decide again if you still need to."
        )
        % {"decision": last.get_decision_display() if last else "", "name": last.decided_by if last else ""}
    )


def _check_standstill(current: Initiative, today: datetime.date) -> None:
    if current.award_sent_on is None:
        raise DomainError(
            {
                "decision": _(
                    "Record when the award decision was sent. Until then, the standstill period cannot be passed."
                )
            }
        )
    if today <= current.standstill_ends:
        raise DomainError(
            {
                "decision": _("The standstill period lasts until %(day)s. No contract may be signed before then.")
                % {"day": date_format(current.standstill_ends)}
            }
        )


def _end(current: Initiative, status: str, day: datetime.date) -> None:
    current.status, current.actual_end = status, day


def gate_decide(
    *,
    actor: Person,
    initiative: Initiative,
    phase: Phase,
    decision: str,
    reason: str,
    revision: int,
    decided_on: datetime.date | None = None,
) -> GateDecision:
    """Decide the gate of the initiative's current phase: go on, hold, go back, or stop.

    `revision` is the gate revision the decider saw. If someone decided in between, this one is refused,
    so two people deciding the same gate at once cannot both win.
    """
    if not reason.strip():
        raise DomainError({"reason": _("Give the reason for the decision.")})
    if decision not in GateChoice.values:
        raise DomainError({"decision": _("Choose go, hold, recycle or stop.")})
    try:
        with transaction.atomic():
            current = locked(initiative)
            require(actor, "portfolio.decide_gate", current)
            _refuse_if_someone_else_decided(current, revision)
            if not current.is_open:
                raise DomainError(_("This initiative has ended. Its gates can no longer be decided."))
            if phase.pk != current.current_phase_id:
                raise DomainError(
                    {"phase": _("%(phase)s is not the current phase. Only the current phase's gate can be decided.")
                     % {"phase": phase}}
                )  # fmt: skip
            day = _decision_day(decided_on, current)
            record = GateDecision(
                initiative=current,
                sequence=current.gate_revision + 1,
                phase=phase,
                phase_name=phase.name,
                decision=decision,
                reason=reason,
                decided_by=actor,
                decided_on=day,
                due_on=current.phase_entered_on + datetime.timedelta(days=phase.default_days),
            )
            _apply(current, record, day)
            record.full_clean()
            save_as(record, actor)
            current.gate_revision = record.sequence
            save_as(current, actor, reason=_("Gate: %(decision)s") % {"decision": record.get_decision_display()})
            recognise_gate(record, current)
    except IntegrityError as exc:  # the unique sequence caught a race that the row lock could not (SQLite)
        if "one_gate_decision_per_revision" not in str(exc) and "sequence" not in str(exc):
            raise
        raise DomainError(_("Someone else decided this gate at the same moment. Reload the page to see it.")) from exc
    initiative.refresh_from_db()
    return record


def _apply(current: Initiative, record: GateDecision, day: datetime.date) -> None:
    if record.decision == GateChoice.GO:
        if current.current_phase.rule == PhaseRule.STANDSTILL:
            _check_standstill(current, day)
        following = _neighbour(current, +1)
        if following is None:
            if current.mode == Mode.SPRINT:
                raise DomainError({"decision": _("This is the last phase of a sprint. Decide its outcome instead.")})
            _end(current, Status.DONE, day)
            return
        current.current_phase, current.phase_entered_on = following, day
        if current.status == Status.PROPOSED:
            current.status = Status.ACTIVE
    elif record.decision == GateChoice.RECYCLE:
        previous = _neighbour(current, -1)
        if previous is None:
            raise DomainError({"decision": _("This is the first phase. There is no earlier phase to go back to.")})
        current.current_phase, current.phase_entered_on = previous, day
    elif record.decision == GateChoice.STOP:
        _end(current, Status.STOPPED, day)
        if current.mode == Mode.SPRINT:
            current.outcome, current.outcome_on, current.learning = Outcome.STOPPED, day, record.reason


def sprint_outcome_decide(
    *, actor: Person, initiative: Initiative, outcome: str, learning: str, decided_on: datetime.date | None = None
) -> Initiative:
    """Decide how a sprint ended: scaled, pivoted or stopped. Every outcome needs a learning."""
    if outcome not in Outcome.values:
        raise DomainError({"outcome": _("Choose scaled, pivoted or stopped.")})
    if not learning.strip():
        raise DomainError({"learning": _("Write down what was learned. Every outcome needs a learning, also a stop.")})
    with transaction.atomic():
        current = locked(initiative)
        require(actor, "portfolio.decide_outcome", current)
        if current.mode != Mode.SPRINT:
            raise DomainError({"outcome": _("Only sprint initiatives have an outcome.")})
        if current.outcome or not current.is_open:
            raise DomainError({"outcome": _("This sprint has already been decided.")})
        day = decided_on or timezone.localdate()
        if day > timezone.localdate() or day < current.start_date:
            raise DomainError({"decided_on": _("The date must be between the start and today.")})
        current.outcome, current.outcome_on, current.learning = outcome, day, learning
        _end(current, Status.STOPPED if outcome == Outcome.STOPPED else Status.DONE, day)
        current.full_clean()
        save_as(current, actor, reason=_("Outcome: %(outcome)s") % {"outcome": current.get_outcome_display()})
        recognise_outcome(current)
    initiative.refresh_from_db()
    return current


def overrun_resolve(
    *,
    actor: Person,
    initiative: Initiative,
    decision: str,
    reason: str,
    new_end: datetime.date | None = None,
    process_type: ProcessType | None = None,
) -> Initiative:
    """Decide what happens to a sprint past its quarter: stop it, extend it once, or make it a marathon."""
    if not reason.strip():
        raise DomainError({"reason": _("Give the reason for the decision.")})
    today = timezone.localdate()
    with transaction.atomic():
        current = locked(initiative)
        require(actor, "portfolio.decide_outcome", current)
        if not current.is_overrun(today):
            raise DomainError(_("This sprint is not past its timebox, so there is nothing to decide yet."))
        if decision == OverrunDecision.STOP:
            current.outcome, current.outcome_on, current.learning = Outcome.STOPPED, today, reason
            _end(current, Status.STOPPED, today)
        elif decision == OverrunDecision.EXTEND:
            _extend(current, new_end, today)
        elif decision == OverrunDecision.CONVERT:
            _convert(current, process_type, today)
        else:
            raise DomainError({"decision": _("Choose stop, extend or convert.")})
        current.full_clean()
        save_as(current, actor, reason=reason)
    initiative.refresh_from_db()
    return current


def _extend(current: Initiative, new_end: datetime.date | None, today: datetime.date) -> None:
    if current.extended:
        raise DomainError(
            {"decision": _("This sprint has already been extended once. It cannot be extended again: stop it or "
                           "convert it to a marathon initiative.")}
        )  # fmt: skip
    latest = extension_limit(current.timebox_end)
    new_end = new_end or latest
    if new_end > latest:
        raise DomainError({"new_end": _("An extension is at most one quarter: until %(day)s at the latest.")
                           % {"day": date_format(latest)}})  # fmt: skip
    if new_end < today:
        raise DomainError({"new_end": _("The new end must be today or later.")})
    current.timebox_end, current.extended = new_end, True
    if current.planned_end < new_end:
        current.planned_end = new_end


def _convert(current: Initiative, process_type: ProcessType | None, today: datetime.date) -> None:
    if process_type is None or process_type.mode != Mode.MARATHON or not process_type.is_active:
        raise DomainError({"process_type": _("Choose a marathon process type that is in use.")})
    first = process_type.phases.filter(is_active=True).order_by("order", "pk").first()
    if first is None:
        raise DomainError({"process_type": _("This process type has no phases yet.")})
    # The quarter, hypothesis and gate history stay as they were, for the record.
    current.process_type, current.current_phase, current.phase_entered_on = process_type, first, today
