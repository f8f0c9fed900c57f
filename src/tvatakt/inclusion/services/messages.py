"""A host's message to an event's participants ("the room has changed"): one e-mail to each registration with an
address, in its own language, and a count of those reachable only by phone, whom the host calls."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.core.tasks import enqueue_with_change
from tvatakt.inclusion.choices import Audience, EventState
from tvatakt.inclusion.models import Event, HostMessage
from tvatakt.inclusion.selectors import audience_of
from tvatakt.inclusion.tasks import send_host_message

DAYS_AFTER = 14  # after that an event's participants are not messaged (their data is erased later, see privacy.py)
PER_DAY = 10  # messages per event in 24 hours: more is noise, or a mistake repeated


def _check(event: Event, subject: str, body: str, audience: str, now: datetime.datetime) -> None:
    if event.state == EventState.CANCELLED:
        raise DomainError(_("The event is cancelled: everyone registered has been told, and no more messages go."))
    if event.ends_at < now - datetime.timedelta(days=DAYS_AFTER):
        raise DomainError(
            _("The event ended more than %(days)s days ago: its participants are no longer sent messages.")
            % {"days": DAYS_AFTER}
        )
    errors = {}
    if not subject:
        errors["subject"] = _("Write a subject.")
    if not body:
        errors["body"] = _("Write the message.")
    if audience not in Audience.values:
        errors["audience"] = _("Choose whom the message is for.")
    if errors:
        raise DomainError(errors)


def send_message(*, actor, event: Event, subject: str, body: str, audience: str) -> HostMessage:
    """Send a message to those coming, the waiting list, or both: an e-mail to each who has an address, queued
    once the message is saved. Erased registrations get nothing. Returns the message, which says how many it
    reached and how many must be called."""
    require(actor, "inclusion.host", event)
    subject, body, now = " ".join(subject.split()), body.strip(), timezone.now()
    with transaction.atomic():
        # The lock lines up two hosts sending at once, so the daily limit holds.
        current = Event.objects.select_for_update().get(pk=event.pk)
        _check(current, subject, body, audience, now)
        sent_today = current.messages.filter(sent_at__gt=now - datetime.timedelta(days=1)).count()
        if sent_today >= PER_DAY:
            raise DomainError(
                _("At most %(count)s messages can be sent for an event in 24 hours. Try again later, or call.")
                % {"count": PER_DAY}
            )
        emails = list(audience_of(current, audience).exclude(email="").values_list("pk", flat=True))
        phones = audience_of(current, audience).filter(email="").count()
        message = HostMessage(
            event=current, sent_by=actor, subject=subject, body=body, audience=audience, sent_at=now,
            recipients=len(emails), unreachable=phones,
        )  # fmt: skip
        message.full_clean()
        message.save()
        for pk in emails:
            enqueue_with_change(send_host_message, message_pk=message.pk, registration_pk=pk)
    return message
