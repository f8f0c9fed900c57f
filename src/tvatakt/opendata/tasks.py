"""The catalogue's background work: harvest and import jobs, and the hourly sweep that starts scheduled harvests."""

import datetime

from django.utils import timezone
from django_tasks import task

from tvatakt.core.tasks import book_once
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
    return book_once(harvest_sweep, run_after=run_after, lock=HarvestSource.objects.all())


@task()
def harvest_sweep() -> int:
    """Start the scheduled harvests that are due, then book the next sweep in an hour."""
    from tvatakt.opendata import services

    try:
        return len(services.harvests_due())
    finally:
        harvest_sweep_book(run_after=timezone.now() + SWEEP_EVERY)
