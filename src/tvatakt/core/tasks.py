"""Background work: a task queued with the change it is about, a task that books its own next run, so that
`tvatakt worker` keeps it going, and a task that is tried again, later and later, when it fails."""

import datetime
import functools

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult


def enqueue_with_change(task, **kwargs) -> None:
    """Queue `task` for the change the current transaction saves, and only if it is saved.

    The database backend's queue is a table in the same database: its row is written in the caller's transaction,
    so the change and its task commit together, or neither does. No crash between the two can lose the task (an
    e-mail that says a seat is held), and it costs no commit of its own. With tasks run inline, the task runs once
    the transaction has committed: no one is told of a change that was rolled back."""
    if isinstance(task.get_backend(), DatabaseBackend) and transaction.get_connection().in_atomic_block:
        task.enqueue(**kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(**kwargs))


def book_once(task, *, run_after=None, lock=None) -> bool:
    """Queue `task` (now, or at `run_after`) unless a run of it is already waiting. Returns whether it did.

    Only a backend that can run tasks later (the database one) keeps a recurring task; with tasks run inline
    there is nothing to book, and the operator runs the matching command from cron. `lock`, a queryset, is
    locked first, so that two workers starting at once line up on PostgreSQL (SQLite's write transaction
    lines them up by itself)."""
    if not task.get_backend().supports_defer:
        return False
    with transaction.atomic():
        if lock is not None:
            list(lock.select_for_update().order_by("pk")[:1])
        waiting = DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY)
        if waiting.exists():
            return False
        (task.using(run_after=run_after) if run_after else task).enqueue()
    return True


# Seconds before each new attempt: an e-mail server that is down for a minute, an hour or a morning.
RETRY_DELAYS = (60, 5 * 60, 30 * 60, 3 * 60 * 60)


def retried(function):
    """For a task worth trying again when it fails (sending e-mail): put it under @task(). On an exception the
    same task is queued again after the next of RETRY_DELAYS, with `attempt` counted up, and the exception is
    raised, so each failed attempt stays in the admin (Django tasks › Task results) with its traceback; after the
    last one it stays failed there for good. The task must be idempotent: its arguments are ids, and it reads the
    current state when it runs."""

    @functools.wraps(function)
    def run(*args, attempt: int = 1, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception:
            _again(function, args, kwargs, attempt)
            raise

    return run


def _again(function, args, kwargs, attempt: int) -> None:
    task = import_string(f"{function.__module__}.{function.__qualname__}")
    if attempt > len(RETRY_DELAYS) or not task.get_backend().supports_defer:  # inline tasks: the caller sees it
        return
    delay = datetime.timedelta(seconds=RETRY_DELAYS[attempt - 1])
    task.using(run_after=timezone.now() + delay).enqueue(*args, attempt=attempt + 1, **kwargs)
