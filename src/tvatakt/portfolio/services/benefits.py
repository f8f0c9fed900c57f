"""The benefits register of marathon initiatives, in the style of DIGG's benefits realisation."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.organisation.models import Person
from tvatakt.portfolio.choices import Mode
from tvatakt.portfolio.models import Benefit, BenefitFollowUp, Initiative
from tvatakt.portfolio.services.common import save_as
from tvatakt.recognition.services.events import recognise_benefit


def benefit_create(
    *,
    actor: Person | None,
    initiative: Initiative,
    name: str,
    measure: str,
    owner: Person,
    baseline: Decimal,
    target: Decimal,
    due_on: datetime.date,
    name_en: str = "",
) -> Benefit:
    require(actor, "portfolio.manage_benefits", initiative)
    if initiative.mode != Mode.MARATHON:
        raise DomainError({"name": _("Benefits are registered for marathon initiatives. A sprint has a hypothesis.")})
    benefit = Benefit(
        initiative=initiative,
        name=name,
        name_en=name_en,
        measure=measure,
        owner=owner,
        baseline=baseline,
        target=target,
        due_on=due_on,
    )
    benefit.full_clean()
    with transaction.atomic():
        save_as(benefit, actor)
    return benefit


def benefit_follow_up(
    *, actor: Person, benefit: Benefit, value: Decimal, date: datetime.date | None = None, note: str = ""
) -> BenefitFollowUp:
    """Record a measurement. The benefit's latest value is the one with the latest date."""
    require(actor, "portfolio.manage_benefits", benefit.initiative)
    date = date or timezone.localdate()
    if date > timezone.localdate():
        raise DomainError({"date": _("A follow-up cannot be dated in the future.")})
    follow_up = BenefitFollowUp(benefit=benefit, date=date, value=value, note=note, recorded_by=actor)
    follow_up.full_clean()
    with transaction.atomic():
        follow_up.save()
        latest = benefit.follow_ups.order_by("-date", "-pk").first()
        benefit.latest_value = latest.value
        save_as(benefit, actor, reason=_("Follow-up"))
        recognise_benefit(benefit, latest.date, latest.recorded_by_id)
    return follow_up
