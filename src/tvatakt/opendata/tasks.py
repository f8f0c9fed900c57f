"""The catalogue's background work: harvest and import jobs, and the hourly sweep that starts scheduled harvests."""

import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from tvatakt.opendata.harvest import run
from tvatakt.opendata.models import HarvestSource

SWEEP_EVERY = datetime.timedelta(hours=1)


@task()
def run_harvest_job(*, job_pk: int) -> str | None:
    """Run one harvest or import. Safe to deliver twice: the second finds the job claimed and does nothing."""
    return run.run(job_pk)


def harvest_sweep_book(*, run_after: datetime.datetime | None = None) -> bool:
    """Queue the sweep (now, or at `run_after`) unless one is already waiting; `tvatakt worker` calls this on
    start, and each sweep books the next. With tasks run inline, run `tvatakt harvest --due` from cron."""
    if not run_harvest_job.get_backend().supports_defer:
        return False
    with transaction.atomic():
        # Two workers starting at once wait here for each other on PostgreSQL (with no sources there is no row to
        # lock, and nothing for a sweep to do). On SQLite the write transaction itself lines them up.
        list(HarvestSource.objects.select_for_update().order_by("pk")[:1])
        waiting = DBTaskResult.objects.filter(task_path=harvest_sweep.module_path, status=TaskResultStatus.READY)
        if waiting.exists():
            return False
        (harvest_sweep.using(run_after=run_after) if run_after else harvest_sweep).enqueue()
    return True


@task()
def harvest_sweep() -> int:
    """Start the scheduled harvests that are due, then book the next sweep in an hour."""
    from tvatakt.opendata import services

    try:
        return len(services.harvests_due())
    finally:
        harvest_sweep_book(run_after=timezone.now() + SWEEP_EVERY)
