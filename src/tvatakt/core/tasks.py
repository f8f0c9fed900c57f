"""Recurring background work: a task that books its own next run, so that `tvatakt worker` keeps it going."""

from django.db import transaction
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult


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
