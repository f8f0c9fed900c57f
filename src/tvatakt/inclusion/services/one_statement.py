"""A new registration on PostgreSQL in one statement: its seats taken, it, its participants and its e-mails'
tasks written, all in one round trip that commits by itself.

A registration through the ORM is six statements (BEGIN, the seats, the registration, its participants, its
e-mail's task, COMMIT), and in a rush their Python and their round trips were most of a registration's CPU.
Here they are the parts of one statement with data-modifying WITH queries: the seats' conditional UPDATE (as in
seats.py) first, and the registration written after it as it comes out: with the seats, or waiting. Nothing is
looked up first, and what the database refuses (a unique index: a retry's key, a contact registered already)
refuses the whole statement, the seats with it. Measured through the API in one loop, alternating with the ORM's
way: 9-17 % less Python and 6-10 % less PostgreSQL CPU a registration.

The values are the ORM's (core.rows: each through its field), and so are the signals: pre_save before, post_save
after (a registration's pre_save comes before the seats decide its status, a participant's before its
registration has a key). SQLite, which has no data-modifying WITH, takes the ORM's way (registrations._save)."""

import contextlib
import dataclasses
import functools

from django.db import connections, router, transaction

from tvatakt.core import cache, prepared, rows
from tvatakt.core.taskqueue import DatabaseBackend
from tvatakt.core.tasks import enqueue_with_change
from tvatakt.inclusion.choices import EventState
from tvatakt.inclusion.models import Event, Participant, Registration
from tvatakt.inclusion.services import seats


def usable() -> bool:
    return connections[router.db_for_write(Registration)].vendor == "postgresql"


@dataclasses.dataclass
class Held:
    """What the registration is when its seats are free: the status and the time a guardian has to confirm."""

    status: str
    consent_deadline: object = None


def save(
    registration: Registration, participants: list[Participant], *, held: Held, waiting: str | None, mails: list
) -> bool:
    """Take the seats and write `registration` (with `held`'s status, or `waiting` when the seats are taken; not at
    all when `waiting` is None and they are, nor when the event is no longer published) with its participants, in
    one statement. Whether it was written.

    `mails` are (task, kwargs) pairs queued with it, the tasks of one backend; a kwargs' `kind` of None is the
    registration's status. With the database's task queue their rows are in the statement; otherwise they are
    queued as the ORM's way queues them."""
    alias = router.db_for_write(Registration)
    connection = connections[alias]
    backend = mails[0][0].get_backend() if mails else None
    queue = mails if isinstance(backend, DatabaseBackend) else []
    # Each task's row with the registration's key and status to come: the statement puts them in.
    tasks = [
        backend.row(task, (), {**kwargs, "registration_pk": 0, "kind": kwargs["kind"] or ""}) for task, kwargs in queue
    ]
    for participant in participants:
        participant.registration = registration
    reg_fields = rows.fields(Registration, alias)
    params = [*seats.take_params(registration), registration.event_id, EventState.PUBLISHED]
    for field, value in zip(reg_fields, rows.values(registration, reg_fields, alias), strict=True):
        if field.name == "status":
            params += [held.status, waiting]
        elif field.name == "consent_deadline":
            params.append(field.get_db_prep_save(held.consent_deadline, connection))
        elif field.name != "holds_seats":
            params.append(value)
    params.append(waiting is not None)
    part_fields = rows.fields(Participant, alias)
    for number, participant in enumerate(participants):
        params.append(number)
        values = rows.values(participant, part_fields, alias)
        params += [value for field, value in zip(part_fields, values, strict=True) if field.name != "registration"]
    task_fields = rows.fields(type(tasks[0]), alias) if tasks else []
    for row in tasks:
        params += rows.values(row, task_fields, alias)
    sql = _sql(alias, len(participants), tuple(kwargs["kind"] is None for _task, kwargs in queue))
    # Inside a transaction, a savepoint: a refusal undoes the statement and leaves the caller's transaction usable,
    # as the ORM's way does. Outside one, the statement commits by itself.
    atomic = transaction.atomic(using=alias) if connection.in_atomic_block else contextlib.nullcontext()
    with atomic, prepared.cursor(alias, numbered=True) as cursor:
        cursor.execute(sql, params)
        made = cursor.fetchone()
    if made is None:
        return False
    pk, holds, participant_pks = made
    registration.holds_seats = holds
    registration.status = held.status if holds else waiting
    registration.consent_deadline = held.consent_deadline if holds else None
    with cache.one_bump():  # the public pages' cache marked stale once for the rows, not once a row
        rows.saved(registration, pk, alias)
        for participant, participant_pk in zip(participants, participant_pks, strict=True):
            participant.registration_id = pk
            rows.saved(participant, participant_pk, alias)
    for row, (_task, kwargs) in zip(tasks, queue, strict=True):
        row.args_kwargs["kwargs"].update(registration_pk=pk, kind=kwargs["kind"] or registration.status)
        rows.saved(row, row.pk, alias)
        backend.enqueued(row)
    for task, kwargs in mails[len(queue) :]:  # another task backend: queued as the ORM's way queues them
        enqueue_with_change(task, **{**kwargs, "registration_pk": pk, "kind": kwargs["kind"] or registration.status})
    return True


@functools.cache
def _sql(alias: str, people: int, mails: tuple[bool, ...]) -> str:
    """The statement for `people` participants and a task for each of `mails` (True: the e-mail of the status the
    registration gets). The models' names, quoted: nothing from a request is in the text, every value is a
    parameter, numbered ($1, …: core.prepared), for psycopg would otherwise parse the text at every run."""
    connection = connections[alias]
    quote = connection.ops.quote_name

    def cast(field) -> str:  # a value in a CASE or a VALUES list has no column to take its type from
        return f"CAST(%s AS {field.db_type(connection)})"

    def into(model, fields) -> str:
        return f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(field.column) for field in fields)})"

    reg_fields, reg_pk = rows.fields(Registration, alias), quote(Registration._meta.pk.column)
    holds, status = (quote(Registration._meta.get_field(name).column) for name in ("holds_seats", "status"))
    chosen = {
        "status": "CASE WHEN seat.held THEN %s ELSE %s END",
        "holds_seats": "seat.held",
        "consent_deadline": f"CASE WHEN seat.held THEN {cast(Registration._meta.get_field('consent_deadline'))} END",
    }
    reg_values = ", ".join(chosen.get(field.name, "%s") for field in reg_fields)
    given = [field for field in rows.fields(Participant, alias) if field.name != "registration"]
    to_registration = Participant._meta.get_field("registration")
    given_row = "(%s, " + ", ".join(cast(field) for field in given) + ")"
    given_names = ", ".join(quote(field.column) for field in given)
    given_values = ", ".join(f"given.{quote(field.column)}" for field in given)
    parts = [
        f"took AS ({seats.take_sql(connection.vendor)} RETURNING 1)",
        # Open: for a registration that took no seat (the seats' UPDATE checked the state for one that did), the
        # event still published. Its row is locked as the registration's foreign key locks it (FOR KEY SHARE,
        # which no seat's UPDATE waits for): a cancelling holds the row FOR UPDATE, so this waits for it and then
        # finds the event cancelled, or holds it first and is among the registrations the cancelling cancels.
        # (A row the UPDATE changed is not locked again by the same statement: `open` is false then, and unused.)
        f"seat AS (SELECT EXISTS (SELECT 1 FROM took) AS held, EXISTS (SELECT 1 FROM {quote(Event._meta.db_table)}"
        f" WHERE {quote(Event._meta.pk.column)} = %s AND {quote(Event._meta.get_field('state').column)} = %s"
        " FOR KEY SHARE) AS open)",
        f"reg AS ({into(Registration, reg_fields)} SELECT {reg_values} FROM seat WHERE seat.held OR (seat.open AND %s)"
        f" RETURNING {reg_pk}, {holds}, {status})",
        f"people AS ({into(Participant, [to_registration, *given])} SELECT reg.{reg_pk}, {given_values}"
        f" FROM reg, (VALUES {', '.join([given_row] * people)}) AS given(n, {given_names}) ORDER BY given.n"
        f" RETURNING {quote(Participant._meta.pk.column)})",
    ]
    task_model = _task_model()
    task_fields = rows.fields(task_model, alias)
    for number, by_status in enumerate(mails):
        args = f"jsonb_set(CAST(%s AS jsonb), '{{kwargs,registration_pk}}', to_jsonb(reg.{reg_pk}))"
        if by_status:
            args = f"jsonb_set({args}, '{{kwargs,kind}}', to_jsonb(reg.{status}))"
        task_values = ", ".join(args if field.name == "args_kwargs" else "%s" for field in task_fields)
        parts.append(f"mail{number} AS ({into(task_model, task_fields)} SELECT {task_values} FROM reg)")
    people_pks = f"ARRAY(SELECT {quote(Participant._meta.pk.column)} FROM people ORDER BY 1)"
    return prepared.numbered(f"WITH {', '.join(parts)} SELECT reg.{reg_pk}, reg.{holds}, {people_pks} FROM reg")


def _task_model():
    from django_tasks_db.models import DBTaskResult  # not at import: the apps are not ready then

    return DBTaskResult
