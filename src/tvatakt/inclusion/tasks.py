"""Background work for events: e-mails, and the sweeps that pass on expired offers and seats whose guardian did
not confirm in time."""

import datetime
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone
from django_tasks import task

from tvatakt.core.tasks import book_once, enqueue_with_change, retried
from tvatakt.inclusion.models import Event, Registration

SWEEP_EVERY = datetime.timedelta(minutes=15)
_quiet = ContextVar("inclusion_mail_quiet", default=False)


@task()
@retried
def send_mail(*, registration_pk: int, kind: str) -> bool:
    """Send one e-mail. Whether it went (a registration erased or without an address sends none)."""
    from tvatakt.inclusion import mails

    registration = Registration.objects.select_related("event", "event__place").filter(pk=registration_pk).first()
    if registration is None:
        return False
    message = mails.message(registration, kind)
    return bool(message and message.send())


@contextmanager
def no_mail():
    """Registrations made inside tell no one: the demo city's history, which no one is waiting to hear of (some
    two hundred e-mails, and a sixth of the time it takes to load the demo)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def mails_quiet() -> bool:
    """Whether no one is told now (inside no_mail())."""
    return _quiet.get()


def mail_with_change(registration: Registration, kind: str) -> None:
    """Queue the e-mail with the change: no one is told of a change that was rolled back, and no change that was
    saved goes untold (core.tasks.enqueue_with_change)."""
    if mails_quiet():
        return
    enqueue_with_change(send_mail, registration_pk=registration.pk, kind=kind)


@task()
@retried
def send_host_message(*, message_pk: int, registration_pk: int) -> bool:
    """Send a host's message to one registration. Whether it went (erased, cancelled since, or without an
    address: none)."""
    from tvatakt.inclusion import mails
    from tvatakt.inclusion.models import HostMessage

    message = HostMessage.objects.select_related("event", "event__place").filter(pk=message_pk).first()
    registration = Registration.objects.filter(pk=registration_pk, event_id=getattr(message, "event_id", None)).first()
    if message is None or registration is None:
        return False
    email = mails.host_message(message, registration)
    return bool(email and email.send())


@task()
def sweep() -> int:
    """Pass on the offers not accepted in time and the children's seats whose guardian did not confirm, and
    erase the personal data the retention period has run out for."""
    from tvatakt.inclusion import privacy, services

    try:
        return (
            services.expire_offers() + services.expire_consents() + services.remind() + services.ask_for_feedback()
            + privacy.erase_after_events()
        )  # fmt: skip
    finally:
        sweep_book(run_after=timezone.now() + SWEEP_EVERY)


def sweep_book(*, run_after=None) -> bool:
    """Queue the sweep unless one is waiting; `tvatakt worker` calls this on start, and each sweep books the
    next, every 15 minutes (an offer's expiry is passed on within that). With tasks run inline, run `tvatakt
    inclusion-sweep` from cron."""
    return book_once(sweep, run_after=run_after, lock=Event.objects.all())
