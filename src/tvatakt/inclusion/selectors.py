"""Reads for the public pages (upcoming events with filters, and an event's page) and for a host's messages."""

import datetime
import functools

from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from tvatakt.inclusion.choices import AUDIENCE_STATUSES, Audience, EventState, age_bounds
from tvatakt.inclusion.models import Event, HostMessage, Registration


def upcoming(filters: dict) -> QuerySet[Event]:
    """Published events that have not ended, soonest first, narrowed by the filter form's cleaned data."""
    return _narrowed(Event.objects.filter(state=EventState.PUBLISHED, ends_at__gt=timezone.now()), filters)


def in_month(filters: dict, first: datetime.date) -> QuerySet[Event]:
    """The month's events that were or are open to all (published, or cancelled, which the calendar says so), by
    start, narrowed as the list is. `first` is the month's first day; the bounds are local midnights."""
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    since, until = (timezone.make_aware(datetime.datetime.combine(day, datetime.time())) for day in (first, following))
    states = (EventState.PUBLISHED, EventState.CANCELLED)
    return _narrowed(Event.objects.filter(state__in=states, starts_at__gte=since, starts_at__lt=until), filters)


def _narrowed(events: QuerySet[Event], filters: dict) -> QuerySet[Event]:
    if filters.get("age"):
        low, high = age_bounds(filters["age"])
        events = events.filter(age_min__lte=high, age_max__gte=low)
    if filters.get("district"):
        events = events.filter(place__district=filters["district"])
    if filters.get("kind"):
        events = events.filter(kind=filters["kind"])
    if filters.get("language"):
        events = events.filter(_speaks(filters["language"]))
    for feature in filters.get("access") or []:
        events = events.filter(**{f"place__{feature}": True})
    if filters.get("free"):
        events = events.filter(seats_taken__lt=F("capacity"))
    return events.select_related("place", "host").order_by("starts_at", "pk")


def _speaks(code: str) -> Q:
    """Events held in the language `code`. SQLite cannot ask a JSON list what it contains, so there the list's
    text is searched for the code in quotes ("sv" is not found in "sv-easy")."""
    if connection.features.supports_json_field_contains:
        return Q(languages__contains=[code])
    return Q(languages__icontains=f'"{code}"')


def event_page(slug: str) -> Event | None:
    return Event.objects.filter(slug=slug).exclude(state=EventState.DRAFT).select_related("place", "host").first()


def event_to_register(slug: str) -> Event | None:
    """The event a registration through the API is for: no more than its own row, for it is read at every
    registration of a rush. The ORM writes the statement once per database, and each registration runs it through
    QuerySet.raw() with its slug: building the statement anew was half of the read's CPU (0.74 ms against 0.49)."""
    sql, params = _event_to_register_sql(connection.vendor)
    return next(iter(Event.objects.raw(sql, [slug if param == _SLUG else param for param in params])), None)


_SLUG = "\x00slug\x00"  # where the slug goes: no slug is this


@functools.cache
def _event_to_register_sql(_vendor: str) -> tuple[str, tuple]:
    return Event.objects.filter(slug=_SLUG).exclude(state=EventState.DRAFT).order_by()[:1].query.sql_with_params()


def audience_of(event: Event, audience: str) -> QuerySet[Registration]:
    """The registrations a host's message to `audience` is for; erased ones are no one's to message."""
    return event.registrations.filter(status__in=AUDIENCE_STATUSES[audience], erased_at__isnull=True)


def audience_counts(event: Event) -> dict[str, tuple[int, int]]:
    """For each audience of a host's message: how many registrations, and how many of them only by phone."""
    live = event.registrations.filter(erased_at__isnull=True)
    counts = live.aggregate(**{
        f"{audience}{suffix}": Count("pk", filter=Q(status__in=AUDIENCE_STATUSES[audience], **phone_only))
        for audience in Audience.values for suffix, phone_only in (("", {}), ("_phone", {"email": ""}))
    })  # fmt: skip
    return {audience: (counts[audience], counts[f"{audience}_phone"]) for audience in Audience.values}


def to_call(event: Event) -> QuerySet[Registration]:
    """Those coming or waiting who gave only a phone number: a host's message reaches them by a call."""
    return audience_of(event, Audience.EVERYONE).filter(email="").order_by("status", "created_at", "pk")


def sent_messages(event: Event) -> QuerySet[HostMessage]:
    return event.messages.select_related("sent_by")
