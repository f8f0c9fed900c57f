"""Background work for events: e-mails, and the sweeps that pass on expired offers and seats whose guardian did
not confirm in time."""

from django.db import transaction
from django_tasks import task

from tvatakt.inclusion.models import Registration


@task()
def send_mail(*, registration_pk: int, kind: str) -> bool:
    """Send one e-mail. Whether it went (a registration erased or without an address sends none)."""
    from tvatakt.inclusion import mails

    registration = Registration.objects.select_related("event", "event__place").filter(pk=registration_pk).first()
    if registration is None:
        return False
    message = mails.message(registration, kind)
    return bool(message and message.send())


def mail_on_commit(registration: Registration, kind: str) -> None:
    """Queue the e-mail once the change is saved: no one is told of a change that was rolled back."""
    transaction.on_commit(lambda: send_mail.enqueue(registration_pk=registration.pk, kind=kind))


@task()
def sweep() -> int:
    """Pass on the offers not accepted in time and the children's seats whose guardian did not confirm."""
    from tvatakt.inclusion import services

    return services.expire_offers() + services.expire_consents()
