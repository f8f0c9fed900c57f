"""Reads for the public pages (upcoming events with filters, and an event's page) and for a host's messages."""

import dataclasses
import datetime
import threading
import time

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Count, F, Q, QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from tvatakt.core import prepared
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


def event_to_register(slug: str, *, fresh: bool = False) -> Event | None:
    """The event a registration through the API is for: no more than its own row, for it is read at every
    registration of a rush. The ORM builds the statement and the converters of its columns once per connection
    (one a thread), and each registration runs it with its slug: building them anew each time was most of the
    read's CPU (in one run, 1.1 ms through the ORM's query and 0.2 ms this way).

    A row read is kept by the process for up to RECENT_SECONDS (`fresh`: read it now), as a rush registers for one
    event: 14 % of a registration's CPU and one of its three statements. What may not be stale is the
    registration's statement's to check, with the database's rows: the seats, and that the event is still
    published (one_statement, seats.take). A host's other changes (the registration's times, the ages, the waiting
    list) reach every process within that second, and this one's at once (forget_events on an event's save)."""
    now = time.monotonic()
    recent = None if fresh else _recent.get(slug)
    if recent is not None and now - recent[0] < RECENT_SECONDS:
        return Event.from_db(DEFAULT_DB_ALIAS, recent[1], _copied(recent[2]))  # an instance of the caller's own
    read = _event_read(connections[DEFAULT_DB_ALIAS])
    with prepared.cursor(DEFAULT_DB_ALIAS) as cursor:
        cursor.execute(read.sql, [slug if param == _SLUG else param for param in read.params])
        row = cursor.fetchone()
    if row is None:
        _recent.pop(slug, None)
        return None
    if read.converters:
        row = next(iter(read.compiler.apply_converters([row], read.converters)))
    if len(_recent) >= RECENT_MAX:  # a bound on the memory, should many events be registered for at once
        _recent.clear()
    _recent[slug] = (now, read.names, tuple(row))
    return Event.from_db(DEFAULT_DB_ALIAS, read.names, _copied(row))


RECENT_SECONDS = 1.0
RECENT_MAX = 256
# slug -> (read at, column names, row): the process's threads share it, each step of its use atomic in Python.
_recent: dict[str, tuple[float, list[str], tuple]] = {}


def _copied(row) -> list:
    """The row's values, its lists and dicts (the JSON fields') copied: an instance's are its own to change."""
    return [value.copy() if isinstance(value, list | dict) else value for value in row]


def forget_events(**_signal_kwargs) -> None:
    """The rows kept are read afresh: an event was saved or deleted in this process. Again once that commits, for
    another thread may have read the row as it was in between."""
    _recent.clear()
    transaction.on_commit(_recent.clear)


_SLUG = "\x00slug\x00"  # where the slug goes: no slug is this
_reads = threading.local()  # a thread's connection, and what it compiled: gone with the thread


@dataclasses.dataclass(frozen=True)
class _Read:
    wrapper: BaseDatabaseWrapper
    compiler: SQLCompiler
    sql: str
    params: tuple
    converters: dict
    names: list[str]


def _event_read(wrapper: BaseDatabaseWrapper) -> _Read:
    read = getattr(_reads, "event", None)
    if read is None or read.wrapper is not wrapper:
        query = Event.objects.filter(slug=_SLUG).exclude(state=EventState.DRAFT).order_by()[:1].query
        compiler = query.get_compiler(connection=wrapper)
        sql, params = compiler.as_sql()
        columns = [column for column, _sql, _alias in compiler.select]
        names = [column.target.attname for column in columns]
        read = _reads.event = _Read(wrapper, compiler, sql, tuple(params), compiler.get_converters(columns), names)
    return read


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
