"""Running an event: its seats changed, cancelled by the host, people checked in, no-shows marked."""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.inclusion.choices import ACTIVE, EventState, Status
from tvatakt.inclusion.models import Event, Registration
from tvatakt.inclusion.services import seats
from tvatakt.inclusion.services.registrations import offer_next
from tvatakt.inclusion.tasks import mail_with_change


def set_capacity(*, actor, event: Event, capacity: int) -> Event:
    """Change the number of seats. Never below the seats already taken; more seats go to the waiting list."""
    require(actor, "inclusion.host", event)
    with transaction.atomic():
        current = Event.objects.select_for_update().get(pk=event.pk)
        if capacity < current.seats_taken:
            raise DomainError(
                {
                    "capacity": _(
                        "%(taken)s seats are already taken. Cancel registrations first, or keep at least "
                        "%(taken)s seats."
                    )
                    % {"taken": current.seats_taken}
                }  # fmt: skip
            )
        current.capacity = capacity
        save_as(current, actor)
        offer_next(event=current)
    return current


def cancel_event(*, actor, event: Event, reason: str) -> Event:
    """Cancel the event: every registration is cancelled with the reason, so no one is left confirmed."""
    require(actor, "inclusion.host", event)
    if not reason.strip():
        raise DomainError({"reason": _("Say why the event is cancelled: everyone registered is told.")})
    with transaction.atomic():
        current = Event.objects.select_for_update().get(pk=event.pk)
        current.state = EventState.CANCELLED
        save_as(current, actor, reason=reason.strip())
        told = list(current.registrations.filter(status__in=ACTIVE))
        current.registrations.filter(status__in=ACTIVE).update(
            status=Status.CANCELLED, cancel_reason=reason.strip()[:200], holds_seats=False, offer_expires_at=None
        )
        for registration in told:  # everyone is told, with the reason
            mail_with_change(registration, "cancelled")
        Event.objects.filter(pk=current.pk).update(seats_taken=0)
    return current


def check_in(*, actor, registration: Registration) -> Registration:
    """At the door: a confirmed registration is marked attended. Twice changes nothing."""
    require(actor, "inclusion.host", registration.event)
    with transaction.atomic():
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Status.ATTENDED:
            return current
        if current.status != Status.CONFIRMED:
            raise DomainError(
                _("%(code)s is not confirmed (%(status)s).")
                % {"code": current.code, "status": current.get_status_display()}
            )
        current.status = Status.ATTENDED
        current.save(update_fields=["status"])
    return current


def mark_no_shows(*, actor, event: Event, now: datetime.datetime | None = None) -> int:
    """After the event: those confirmed who never checked in did not come. Their seats are given back."""
    require(actor, "inclusion.host", event)
    now = now or timezone.now()
    if now < event.ends_at:
        raise DomainError(_("Mark no-shows after the event has ended."))
    with transaction.atomic():
        missing = event.registrations.filter(status=Status.CONFIRMED)
        seats_back = sum(missing.values_list("seats", flat=True))
        count = missing.update(status=Status.NO_SHOW, holds_seats=False)
        Event.objects.filter(pk=event.pk).update(seats_taken=F("seats_taken") - seats_back)
    return count


__all__ = ["cancel_event", "check_in", "mark_no_shows", "seats", "set_capacity"]
