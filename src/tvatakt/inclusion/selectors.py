"""Reads for the public pages: upcoming events with filters, and an event's page."""

from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from tvatakt.inclusion.choices import EventState, age_bounds
from tvatakt.inclusion.models import Event


def upcoming(filters: dict) -> QuerySet[Event]:
    """Published events that have not ended, soonest first, narrowed by the filter form's cleaned data."""
    events = Event.objects.filter(state=EventState.PUBLISHED, ends_at__gt=timezone.now())
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
