"""Ambassadors report their organisation's progress on each decision; the secretary decides exemptions."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.council.choices import NEXT_STATES, AdoptionState
from tvatakt.council.models import Adoption, AdoptionStep
from tvatakt.organisation.models import Person
from tvatakt.recognition.services.events import recognise_adoption


def _locked(adoption: Adoption) -> Adoption:
    return (
        Adoption.objects.select_for_update(of=("self",)).select_related("organisation", "decision").get(pk=adoption.pk)
    )


def adoption_report(
    *,
    actor: Person,
    adoption: Adoption,
    state: str,
    seen_state: str,
    comment: str = "",
    evidence: str = "",
    date: datetime.date | None = None,
) -> AdoptionStep:
    """Move an organisation's adoption one step on. `seen_state` is the state the reporter saw: if another
    ambassador of the organisation reported in between, this report is refused rather than lost."""
    today = timezone.localdate()
    date = date or today
    with transaction.atomic():
        current = _locked(adoption)
        require(actor, "council.report_adoption", current)
        if current.state != seen_state:
            raise DomainError(
                _("Someone else reported for %(organisation)s meanwhile: it is now “%(state)s”. Nothing of yours was "
                  "saved; read their report, then report again if you need to.")
                % {"organisation": current.organisation, "state": current.get_state_display()}
            )  # fmt: skip
        if state not in NEXT_STATES[current.state]:
            raise DomainError({"state": _("From “%(from)s” the next step cannot be “%(to)s”.") % {
                "from": current.get_state_display(), "to": AdoptionState(state).label}})  # fmt: skip
        if state == AdoptionState.IMPLEMENTED and not evidence:
            raise DomainError({"evidence": _("Link to something that shows it is implemented.")})
        if state == AdoptionState.EXEMPTION_REQUESTED and not comment.strip():
            raise DomainError({"comment": _("Say why the organisation asks for an exemption.")})
        if date > today or date < current.decision.decided_on:
            raise DomainError({"date": _("The date must be between the decision and today.")})
        step = AdoptionStep(
            adoption=current, state=state, date=date, comment=comment, evidence=evidence, reported_by=actor
        )
        step.full_clean()
        step.save()
        current.state, current.state_since = state, date
        save_as(current, actor, reason=comment)
        recognise_adoption(current, step)
    return step


def adoption_exemption_decide(*, actor: Person, adoption: Adoption, grant: bool, reason: str) -> AdoptionStep:
    """The secretary grants an exemption, or refuses it (the organisation goes back to informed)."""
    if not reason.strip():
        raise DomainError({"reason": _("Give the reason for the decision.")})
    with transaction.atomic():
        current = _locked(adoption)
        require(actor, "council.decide_exemption", current)
        if current.state != AdoptionState.EXEMPTION_REQUESTED:
            raise DomainError(_("No exemption has been asked for."))
        state = AdoptionState.EXEMPTED if grant else AdoptionState.INFORMED
        step = AdoptionStep(adoption=current, state=state, date=timezone.localdate(), comment=reason, reported_by=actor)
        step.save()
        current.state, current.state_since = state, step.date
        save_as(current, actor, reason=reason)
    return step
