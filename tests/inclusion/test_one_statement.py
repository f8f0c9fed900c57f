"""On PostgreSQL a new registration is one statement (services/one_statement.py). It writes the rows the ORM's way
writes (the way SQLite takes), queues the same e-mails, sends the same signals, and a refusal leaves nothing
behind. Every other registration test runs through it too on PostgreSQL."""

import datetime

import pytest
from django.db import connection
from django.db.models.signals import post_save, pre_save
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tvatakt.core.errors import DomainError
from tvatakt.inclusion import services
from tvatakt.inclusion.models import Event, Participant, Registration
from tvatakt.inclusion.services import one_statement

from .conftest import adult, child, contact, make_event

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no data-modifying WITH: the ORM's way"),
]
DATABASE_TASKS = {"default": {"BACKEND": "tvatakt.core.taskqueue.DatabaseBackend", "QUEUES": ["default"]}}
PEOPLE = {
    "an adult": [adult()],
    "a parent and two children": [adult(first_time=False), child("Elsa"), child("Omar")],
}


def written(registration: Registration) -> tuple[dict, list, list]:
    """The registration's row, its participants' and its e-mails' tasks, without what differs from row to row."""
    row = Registration.objects.filter(pk=registration.pk).values().get()
    for key in ("id", "event_id", "code", "created_at", "updated_at"):
        row.pop(key)
    people = list(Participant.objects.filter(registration=registration).order_by("pk").values_list(
        "name", "age_group", "first_time"))  # fmt: skip
    mails = sorted(
        (task.args_kwargs["kwargs"]["kind"], task.status, task.priority, task.queue_name, task.run_after)
        for task in DBTaskResult.objects.all()
        if task.args_kwargs["kwargs"].get("registration_pk") == registration.pk
    )
    return row, people, mails


def register_both_ways(monkeypatch, people, *, capacity=10, waiting_list=True, **fields):
    now = timezone.now()
    made = {}
    for way in ("one statement", "orm"):
        event = make_event(slug=f"test-{way.replace(' ', '-')}", capacity=capacity, waiting_list=waiting_list)
        if way == "orm":
            monkeypatch.setattr(one_statement, "usable", lambda: False)
        details = contact(1, guardian_name="Gun", guardian_email="gun@example.se", needs=["wheelchair"]) | fields
        made[way] = services.register(event=event, people=people, now=now, idempotency_key="k1", **details)
        assert Event.objects.get(pk=event.pk).seats_taken == (len(people) if made[way].holds_seats else 0)
    return made


@override_settings(TASKS=DATABASE_TASKS)
@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("capacity", [10, 2], ids=["seats free", "two seats"])
def test_the_rows_are_the_ones_the_orm_writes(monkeypatch, who, capacity):
    made = register_both_ways(monkeypatch, PEOPLE[who], capacity=capacity, district=None, photos_allowed=True)
    assert written(made["one statement"]) == written(made["orm"])
    ours, theirs = made["one statement"], made["orm"]
    assert (ours.status, ours.holds_seats, ours.consent_deadline) == (theirs.status, theirs.holds_seats,
                                                                      theirs.consent_deadline)  # fmt: skip
    assert ours.pk and not ours._state.adding and ours.created_at is not None
    held = "pending_consent" if who == "a parent and two children" else "confirmed"
    assert ours.status == (held if len(PEOPLE[who]) <= capacity else "waiting")


@override_settings(TASKS=DATABASE_TASKS)
def test_a_registration_is_one_statement_with_its_e_mails():
    event = make_event(capacity=5)
    details = contact(2, guardian_name="Gun", guardian_email="g@example.se")
    with CaptureQueriesContext(connection) as queries:
        registration = services.register(event=event, people=[adult(), child()], **details)
    statements = [query["sql"] for query in queries if "SAVEPOINT" not in query["sql"]]  # the test's transaction
    assert len(statements) == 1 and statements[0].startswith("WITH")
    assert sorted(mail[0] for mail in written(registration)[2]) == ["consent_request", "pending_consent"]
    assert registration.participants.count() == 2


def test_a_refused_registration_leaves_the_seats_and_the_transaction_as_they_were(event):
    services.register(event=event, people=[adult()], **contact(1))
    with pytest.raises(DomainError) as refused:
        services.register(event=event, people=[adult(), adult("Bo")], **contact(1))  # the same e-mail address
    assert "already registered" in str(refused.value.messages)
    event.refresh_from_db()
    assert event.seats_taken == 1 and event.registrations.count() == 1
    assert Participant.objects.filter(registration__event=event).count() == 1


def test_a_full_event_without_a_waiting_list_writes_nothing():
    event = make_event(capacity=1, waiting_list=False)
    services.register(event=event, people=[adult()], **contact(1))
    with pytest.raises(DomainError):
        services.register(event=event, people=[adult()], **contact(2))
    assert event.registrations.count() == 1 and Participant.objects.filter(registration__event=event).count() == 1


@override_settings(TASKS=DATABASE_TASKS)
def test_the_signals_are_sent_as_save_sends_them(event):
    heard = []

    def before(sender, instance, **kwargs):
        heard.append(("pre", sender.__name__, instance.pk))

    def after(sender, instance, created, **kwargs):
        heard.append(("post", sender.__name__, created, instance.pk is not None, instance._state.adding))

    for model in (Registration, Participant, DBTaskResult):
        pre_save.connect(before, sender=model, weak=False)
        post_save.connect(after, sender=model, weak=False)
    try:
        services.register(event=event, people=[adult(), adult("Bo")], **contact(1))
    finally:
        for model in (Registration, Participant, DBTaskResult):
            pre_save.disconnect(before, sender=model)
            post_save.disconnect(after, sender=model)
    assert sorted(entry for entry in heard if entry[0] == "pre" and entry[1] != "DBTaskResult") == [
        ("pre", "Participant", None), ("pre", "Participant", None), ("pre", "Registration", None),
    ]  # fmt: skip
    assert [entry[1:] for entry in heard if entry[0] == "post"] == [
        ("Registration", True, True, False), ("Participant", True, True, False), ("Participant", True, True, False),
        ("DBTaskResult", True, True, False),
    ]  # fmt: skip


@override_settings(TASKS=DATABASE_TASKS)
def test_a_consent_deadline_is_kept_only_with_the_seats():
    now = timezone.now()
    event = make_event(capacity=1, consent_hours=24)
    first = services.register(event=event, people=[child()], now=now, **contact(1, guardian_name="G",
                              guardian_email="g@example.se"))  # fmt: skip
    second = services.register(event=event, people=[child("Bo")], now=now, **contact(2, guardian_name="G",
                               guardian_email="h@example.se"))  # fmt: skip
    rows = {row.pk: row for row in Registration.objects.filter(pk__in=[first.pk, second.pk])}
    assert rows[first.pk].consent_deadline == now + datetime.timedelta(hours=24) == first.consent_deadline
    assert rows[second.pk].consent_deadline is None is second.consent_deadline
    assert (rows[first.pk].status, rows[second.pk].status) == ("pending_consent", "waiting")
