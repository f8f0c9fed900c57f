"""Creating and changing initiatives, and their check-ins."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.organisation.models import Cluster, Organisation, Person, Unit
from tvatakt.organisation.services import unique_slug
from tvatakt.portfolio.choices import SETTABLE, Health, Mode, Status
from tvatakt.portfolio.dates import quarter_end, quarter_start
from tvatakt.portfolio.models import CheckIn, Initiative, ProcessType
from tvatakt.portfolio.services.common import locked, save_as

# Fields initiative_update may change. Phase, outcome and the end of a timebox change through decisions.
EDITABLE = {
    "title", "title_en", "description", "description_en", "organisation", "unit", "clusters", "lead", "team",
    "start_date", "planned_end", "status", "health", "health_reason", "budget_planned", "budget_spent",
    "is_confidential", "hypothesis", "quarter", "award_sent_on", "award_sent_electronically",
}  # fmt: skip
# Fields only someone with authority over the initiative may change, not its lead.
GOVERNED = {"unit", "lead", "is_confidential", "budget_planned", "quarter", "award_sent_on"}


def _check_quarter(quarter: datetime.date | None, today: datetime.date) -> None:
    if quarter is not None and quarter_end(quarter) < today:
        raise DomainError({"quarter": _("That quarter has already ended. Choose the current quarter or a later one.")})


def _check_budget(**amounts: Decimal | int | None) -> None:
    for field, amount in amounts.items():
        if amount is not None and amount < 0:
            raise DomainError({field: _("An amount cannot be below zero.")})


def initiative_create(
    *,
    actor: Person | None,
    title: str,
    process_type: ProcessType,
    organisation: Organisation,
    unit: Unit,
    start_date: datetime.date,
    planned_end: datetime.date,
    title_en: str = "",
    description: str = "",
    description_en: str = "",
    clusters: list[Cluster] = (),
    lead: Person | None = None,
    team: list[Person] = (),
    status: str = Status.PROPOSED,
    health: str = Health.GREEN,
    health_reason: str = "",
    budget_planned: Decimal | int = 0,
    budget_spent: Decimal | int = 0,
    is_confidential: bool = False,
    hypothesis: str = "",
    quarter: datetime.date | None = None,
    today: datetime.date | None = None,
) -> Initiative:
    """Put a new initiative in the portfolio, in the first phase of its process type.

    Without a lead, the person who creates it leads it, so that someone can always see and edit it.
    """
    require(actor, "portfolio.create_initiative")
    lead = lead if lead is not None else actor
    today = today or timezone.localdate()
    if not process_type.is_active:
        raise DomainError({"process_type": _("This process type is no longer in use. Choose another.")})
    if status not in SETTABLE:
        raise DomainError({"status": _("A new initiative can only be proposed, active or paused.")})
    _check_budget(budget_planned=budget_planned, budget_spent=budget_spent)
    first_phase = process_type.phases.filter(is_active=True).order_by("order", "pk").first()
    if first_phase is None:
        raise DomainError({"process_type": _("This process type has no phases yet.")})
    if process_type.mode == Mode.SPRINT:
        quarter = quarter_start(quarter) if quarter else None
        _check_quarter(quarter, today)
    else:
        quarter = None
    initiative = Initiative(
        title=title,
        title_en=title_en,
        description=description,
        description_en=description_en,
        process_type=process_type,
        current_phase=first_phase,
        phase_entered_on=start_date,
        organisation=organisation,
        unit=unit,
        lead=lead,
        start_date=start_date,
        planned_end=planned_end,
        baseline_end=planned_end,
        status=status,
        health=health,
        health_reason=health_reason if health != Health.GREEN else "",
        budget_planned=budget_planned,
        budget_spent=budget_spent,
        is_confidential=is_confidential,
        hypothesis=hypothesis,
        quarter=quarter,
        timebox_end=quarter_end(quarter) if quarter else None,
    )
    initiative.slug = unique_slug(Initiative, title)
    initiative.full_clean()
    with transaction.atomic():
        save_as(initiative, actor)
        initiative.clusters.set(clusters)
        initiative.team.set(team)
    return initiative


def initiative_update(*, actor: Person | None, initiative: Initiative, today: datetime.date | None = None, **fields):
    """Change an initiative's plan, people, money or status. Returns it; nothing is written if nothing changed."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    require(actor, "portfolio.change_initiative", initiative)
    today = today or timezone.localdate()
    with transaction.atomic():
        current = locked(initiative)
        many = {name: fields.pop(name) for name in ("clusters", "team") if name in fields}
        changed = {name for name, value in fields.items() if getattr(current, name) != value}
        if changed & GOVERNED:
            require(actor, "portfolio.govern_initiative", current)
        if "unit" in changed:  # handing it to another unit needs authority there too
            require(actor, "portfolio.govern_initiative", Initiative(unit=fields["unit"]))
        _check_status(current, fields.get("status"), changed)
        _check_budget(**{name: fields.get(name) for name in ("budget_planned", "budget_spent")})
        if "quarter" in changed:
            fields["quarter"] = _check_new_quarter(current, fields["quarter"], today)
        if fields.get("award_sent_on") and "award_sent_on" in changed:
            _check_award_date(current, fields["award_sent_on"], today)
        was_proposed = current.status == Status.PROPOSED
        for name in changed:
            setattr(current, name, fields[name])
        if "quarter" in changed:
            current.timebox_end = current.default_timebox_end()
        if current.health == Health.GREEN:
            current.health_reason = ""
        if was_proposed and current.status == Status.PROPOSED and "planned_end" in changed:
            current.baseline_end = current.planned_end  # the baseline is fixed once work starts
        current.full_clean()
        if changed:
            save_as(current, actor)
        if "clusters" in many:
            current.clusters.set(many["clusters"])
        if "team" in many:
            current.team.set(many["team"])
    return current


def _check_status(current: Initiative, status: str | None, changed: set[str]) -> None:
    if "status" not in changed:
        return
    if status not in SETTABLE:
        raise DomainError({"status": _("Done and stopped are set by a gate or outcome decision, with a reason.")})
    if not current.is_open:
        raise DomainError({"status": _("This initiative has ended. Its status can no longer change.")})
    if status == Status.PROPOSED and current.gate_revision > 0:
        raise DomainError({"status": _("Work has started: a gate has been decided. It cannot go back to proposed.")})


def _check_new_quarter(current: Initiative, quarter: datetime.date | None, today: datetime.date):
    if current.mode != Mode.SPRINT:
        raise DomainError({"quarter": _("Only sprint initiatives are timeboxed to a quarter.")})
    if current.status != Status.PROPOSED or current.extended or current.outcome:
        raise DomainError(
            {"quarter": _("The timebox is fixed once work starts. After its end, decide: stop, extend or convert.")}
        )
    quarter = quarter_start(quarter) if quarter else None
    _check_quarter(quarter, today)
    return quarter


def _check_award_date(current: Initiative, day: datetime.date, today: datetime.date) -> None:
    if day > today:
        raise DomainError({"award_sent_on": _("The award decision cannot be sent in the future.")})
    if day < current.start_date:
        raise DomainError({"award_sent_on": _("The award decision cannot come before the procurement started.")})


def initiative_check_in(
    *, actor: Person | None, initiative: Initiative, health: str, text: str, date: datetime.date | None = None
) -> CheckIn:
    """Record how the initiative is doing. Its health becomes the check-in's."""
    require(actor, "portfolio.check_in", initiative)
    today = timezone.localdate()
    date = date or today
    if date > today:
        raise DomainError({"date": _("A check-in cannot be dated in the future.")})
    if date < initiative.start_date:
        raise DomainError({"date": _("A check-in cannot be dated before the initiative started.")})
    if not text.strip():
        raise DomainError({"text": _("Write a few words about how it is going.")})
    with transaction.atomic():
        current = locked(initiative)
        if not current.is_open:
            raise DomainError({"text": _("This initiative has ended. It needs no more check-ins.")})
        check_in = CheckIn(initiative=current, date=date, health=health, text=text, author=actor)
        check_in.full_clean()
        save_as(check_in, actor)
        if current.last_check_in_on is None or date >= current.last_check_in_on:
            current.health = health
            current.health_reason = text if health != Health.GREEN else ""
            current.last_check_in_on = date
            save_as(current, actor, reason=_("Check-in"))
    initiative.refresh_from_db()
    return check_in
