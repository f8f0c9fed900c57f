"""The e-mails to participants and guardians, in the participant's language, with the signed links; the
confirmation carries the event as an ICS attachment."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from tvatakt.inclusion import tokens
from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.models import Registration

PRODID = "-//Tvåtakt//Digital inkludering//SV"
KINDS = ("confirmed", "waiting", "pending_consent", "offered", "cancelled", "consent_request", "feedback")


def event_ics(registration: Registration) -> bytes:
    event = registration.event
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    entry = CalendarEvent()
    entry.add("uid", f"inclusion-event-{event.pk}@tvatakt")  # stable: a moved event updates, not duplicates
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.display_title)
    entry.add("location", f"{event.place.name}, {event.place.address}" if event.place else event.online_url)
    entry.add("url", settings.SITE_URL + event.get_absolute_url())
    calendar.add_component(entry)
    return calendar.to_ical()


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
    if kind == "confirmed" and registration.status == Status.CONFIRMED:
        mail.attach("aktivitet.ics", event_ics(registration), "text/calendar")
    return mail
