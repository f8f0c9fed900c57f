"""The registration rush: many people at once for the last seats. Exactly as many are confirmed as there are
seats, and everyone else waits. The racers run in threads with their own connections, outside the test's
transaction, so they see each other's commits as real requests do; the test cleans up after itself."""

import threading

import pytest
from django.db import connection, connections

from tvatakt.core.errors import DomainError
from tvatakt.inclusion import services
from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.models import Event, Place

from .conftest import adult, contact, make_event

pytestmark = pytest.mark.django_db
RACERS, SEATS = 50, 5


def in_thread(work):
    """Run `work` on a connection of its own (autocommitting, outside the test's transaction)."""
    found = {}

    def target():
        try:
            found["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            found["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in found:
        raise found["error"]
    return found.get("value")


def race(event_pk: int) -> list[str]:
    barrier, statuses, errors = threading.Barrier(RACERS), [], []

    def racer(number: int) -> None:
        try:
            event = Event.objects.get(pk=event_pk)
            barrier.wait()
            statuses.append(services.register(event=event, people=[adult()], **contact(number)).status)
        except BaseException as exc:  # noqa: BLE001 - counted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=racer, args=(number,)) for number in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return statuses


only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's in-memory test database is shared between threads through one cache, whose table locks "
    "the test's own open transaction holds, so threads cannot race there; the seats are taken by the same "
    "conditional UPDATE on both databases.",
)


def clean(event_pk: int) -> None:
    def work():
        event = Event.objects.get(pk=event_pk)
        place = event.place
        event.delete()
        Place.objects.filter(pk=place.pk).delete()

    in_thread(work)


@only_postgresql
@pytest.mark.parametrize("round_", range(3))
def test_fifty_people_race_for_the_last_five_seats(round_):
    event_pk = in_thread(lambda: make_event(slug=f"test-rusning-{round_}", capacity=SEATS).pk)
    try:
        statuses = race(event_pk)
        assert sorted(statuses).count(Status.CONFIRMED) == SEATS
        assert statuses.count(Status.WAITING) == RACERS - SEATS

        def counted():
            event = Event.objects.get(pk=event_pk)
            held = sum(event.registrations.filter(holds_seats=True).values_list("seats", flat=True))
            return event.seats_taken, held

        assert in_thread(counted) == (SEATS, SEATS)
    finally:
        clean(event_pk)


@only_postgresql
def test_one_person_submitting_ten_times_at_once_gets_one_registration():
    """A double click, or a form sent again while the first is on its way: the same e-mail address (in any case)
    ten times at the same moment. The database's unique index lets one through; a check before saving let
    several."""
    event_pk = in_thread(lambda: make_event(slug="test-dubbelklick", capacity=SEATS).pk)
    barrier, made, refused, errors = threading.Barrier(10), [], [], []

    def racer(number: int) -> None:
        try:
            event = Event.objects.get(pk=event_pk)
            email = "Anna.Berg@Example.se" if number % 2 else "anna.berg@example.se"
            barrier.wait()
            made.append(services.register(event=event, people=[adult()], contact_name="Anna", email=email).pk)
        except DomainError as exc:
            refused.append(exc.message_dict["email"][0])
        except BaseException as exc:  # noqa: BLE001 - counted below
            errors.append(exc)
        finally:
            connections.close_all()

    try:
        threads = [threading.Thread(target=racer, args=(number,)) for number in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == [] and len(made) == 1, (made, errors)
        assert len(refused) == 9 and all("redan anmäld" in message for message in refused)
        assert in_thread(lambda: Event.objects.get(pk=event_pk).seats_taken) == 1
    finally:
        clean(event_pk)


@only_postgresql
@pytest.mark.parametrize("full", [False, True], ids=["seats-free", "waiting-list"])
def test_a_registration_sent_while_its_event_is_being_cancelled_is_refused(person, full):
    """The host cancels while a registration is on its way: the cancelling holds the event's row until it commits,
    and the registration's statement waits for it and then finds the event cancelled. Nothing is written, no seat
    is taken, and no one is left registered at a cancelled event."""
    import time

    from django.db import transaction

    event_pk = in_thread(lambda: make_event(slug=f"test-installs-{full}", capacity=1, waiting_list=True).pk)
    locked, go_on, answers = threading.Event(), threading.Event(), []
    try:
        if full:
            in_thread(lambda: services.register(event=Event.objects.get(pk=event_pk), people=[adult()], **contact(1)))
        admin = person("admin")

        def cancel() -> None:
            try:
                with transaction.atomic():
                    services.cancel_event(actor=admin, event=Event.objects.get(pk=event_pk), reason="Stängt.")
                    locked.set()
                    go_on.wait(timeout=30)  # the registration is waiting for the row by now
            finally:
                connections.close_all()

        def register() -> None:
            try:
                event = Event.objects.get(pk=event_pk)  # read before the cancelling commits: still published
                locked.wait(timeout=30)
                answers.append(services.register(event=event, people=[adult("Bo")], **contact(2)).status)
            except DomainError as exc:
                answers.append(exc.messages[0])
            finally:
                connections.close_all()

        threads = [threading.Thread(target=cancel), threading.Thread(target=register)]
        for thread in threads:
            thread.start()
        locked.wait(timeout=30)
        time.sleep(0.5)  # the registration's statement is sent, and waits for the row
        go_on.set()
        for thread in threads:
            thread.join()
        assert answers == ["Det går inte att anmäla sig till den här aktiviteten."]

        def left():
            event = Event.objects.get(pk=event_pk)
            return event.seats_taken, list(event.registrations.exclude(status=Status.CANCELLED).values_list("pk"))

        assert in_thread(left) == (0, [])
    finally:
        clean(event_pk)
