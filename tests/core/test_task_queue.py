"""A task about a change is queued with the change: with the database backend its row is written in the same
transaction, so both commit or neither does; with tasks run inline it runs only once the change is committed.

Checked by queueing on commit again in core.tasks.enqueue_with_change: the first and last tests found no task row
inside the transaction."""

import datetime

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from tests.inclusion.conftest import adult, make_event
from tvatakt.core.tasks import enqueue_with_change
from tvatakt.inclusion import services

DATABASE_TASKS = {"default": {"BACKEND": "tvatakt.core.taskqueue.DatabaseBackend", "QUEUES": ["default"]}}
ran: list[int] = []


@task()
def note(*, number: int) -> None:
    ran.append(number)


def queued(path: str = f"{__name__}.note") -> list[dict]:
    return [row.args_kwargs["kwargs"] for row in DBTaskResult.objects.filter(task_path=path)]


class Undone(Exception):
    pass


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_with_the_database_backend_the_task_is_written_in_the_changes_transaction():
    with transaction.atomic():
        enqueue_with_change(note, number=1)
        assert queued() == [{"number": 1}]  # before the commit, in the same transaction
    with pytest.raises(Undone), transaction.atomic():
        enqueue_with_change(note, number=2)
        raise Undone
    assert queued() == [{"number": 1}]  # the rolled-back change took its task with it


@pytest.mark.django_db
def test_with_tasks_run_inline_the_task_runs_once_the_change_is_committed(django_capture_on_commit_callbacks):
    ran.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue_with_change(note, number=3)
        assert ran == []
    assert ran == [3]
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Undone), transaction.atomic():
        enqueue_with_change(note, number=4)
        raise Undone
    assert ran == [3]


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_a_registration_and_its_confirmation_e_mail_are_saved_together():
    event = make_event(slug="test-ko-med-andringen", capacity=5)
    with transaction.atomic():
        registration = services.register(event=event, people=[adult()], contact_name="Anna", email="anna@example.se")
        mails = queued("tvatakt.inclusion.tasks.send_mail")
        assert mails == [{"registration_pk": registration.pk, "kind": "confirmed"}]


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_the_queue_writes_the_row_the_librarys_own_method_writes():
    """core.taskqueue writes the row through core.rows; a new version of django-tasks-db that writes another field,
    or another value, shows here."""
    from django_tasks_db import DatabaseBackend as LibraryBackend

    from tvatakt.core.taskqueue import DatabaseBackend

    backend = note.get_backend()
    assert isinstance(backend, DatabaseBackend)
    later = note.using(run_after=timezone.now() + datetime.timedelta(hours=2), priority=7)
    for queued_task, arguments in ((note, {"number": 5}), (later, {"number": 6})):
        ours = backend._task_to_db_task(queued_task, (), arguments)
        theirs = LibraryBackend._task_to_db_task(backend, queued_task, (), arguments)
        rows = {row["id"]: row for row in DBTaskResult.objects.filter(pk__in=[ours.pk, theirs.pk]).values()}
        mine, library = rows[ours.pk], rows[theirs.pk]
        assert mine["enqueued_at"] and library["enqueued_at"]
        differ = {"id", "enqueued_at"}
        assert {k: v for k, v in mine.items() if k not in differ} == {
            k: v for k, v in library.items() if k not in differ
        }
        assert ours.task_result.task == theirs.task_result.task
