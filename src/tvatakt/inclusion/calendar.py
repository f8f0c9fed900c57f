"""Events as iCalendar (RFC 5545): the one a participant is registered for, or a feed of the events a filter
finds, to subscribe to."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

PRODID = "-//Tvåtakt//Digital inkludering//SV"


def _entry(event) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"inclusion-event-{event.pk}@tvatakt")  # stable: a moved event updates, not duplicates
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.display_title)
    entry.add("location", f"{event.place.name}, {event.place.address}" if event.place else event.online_url)
    entry.add("url", settings.SITE_URL + event.get_absolute_url())
    entry.add("status", "CANCELLED" if event.state == "cancelled" else "CONFIRMED")
    return entry


def events_ics(events, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_entry(event))
    return calendar.to_ical()
