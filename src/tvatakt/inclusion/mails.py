"""The e-mails to participants and guardians, in the participant's language, with the signed links; the
confirmation carries the event as an ICS attachment."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from tvatakt.inclusion import qr, tokens
from tvatakt.inclusion.calendar import events_ics
from tvatakt.inclusion.choices import AUDIENCE_STATUSES, Status
from tvatakt.inclusion.models import HostMessage, Registration

KINDS = ("confirmed", "waiting", "pending_consent", "offered", "cancelled", "consent_request", "feedback", "reminder")


def event_ics(registration: Registration) -> bytes:
    return events_ics([registration.event], registration.event.display_title)


def manage_url(registration: Registration) -> str:
    return settings.SITE_URL + reverse("inclusion:manage", kwargs={"token": tokens.make(registration, tokens.MANAGE)})


def consent_url(registration: Registration) -> str:
    return settings.SITE_URL + reverse("inclusion:consent", kwargs={"token": tokens.make(registration, tokens.CONSENT)})


def message(registration: Registration, kind: str) -> EmailMessage | None:
    """The e-mail of this kind for the registration, or None when there is no one to send it to."""
    to = registration.guardian_email if kind == "consent_request" else registration.email
    if not to:
        return None  # registered by phone: the host calls
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        context = {
            "registration": registration, "event": registration.event, "kind": kind,
            "manage_url": manage_url(registration), "consent_url": consent_url(registration),
            "feedback_url": manage_url(registration) + "tyck-till/",
            "participants": list(registration.participants.all()),
        }  # fmt: skip
        subject = " ".join(render_to_string("inclusion/email/subject.txt", context).split())
        body = render_to_string("inclusion/email/body.txt", context)
    mail = EmailMessage(subject=subject, body=body, to=[to])
    if kind in ("confirmed", "reminder") and registration.status == Status.CONFIRMED:
        mail.attach("aktivitet.ics", event_ics(registration), "text/calendar")
        mail.attach("incheckning.png", qr.png(registration), "image/png")  # the code for the door, to show
    return mail


def host_message(message: HostMessage, registration: Registration) -> EmailMessage | None:
    """A host's message to one registration, framed in the participant's language, or None when
    there is no one to send it to: erased, no longer among those the message was for, or registered by phone."""
    if registration.erased_at or registration.status not in AUDIENCE_STATUSES[message.audience]:
        return None
    if not registration.email:
        return None  # registered by phone: the host calls
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        context = {
            "message": message, "event": message.event, "registration": registration,
            "manage_url": manage_url(registration),
        }  # fmt: skip
        subject = " ".join(render_to_string("inclusion/email/message_subject.txt", context).split())
        body = render_to_string("inclusion/email/message_body.txt", context)
    return EmailMessage(subject=subject, body=body, to=[registration.email])
