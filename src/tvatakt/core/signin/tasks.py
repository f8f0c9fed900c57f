"""The daily sweep of failed log-ins whose lock-out time is over."""

import datetime

from django.utils import timezone
from django_tasks import task

from tvatakt.core.tasks import book_once

SWEEP_EVERY = datetime.timedelta(days=1)


@task()
def sweep() -> int:
    """Forget the failed log-ins that can no longer lock anyone out, then book tomorrow's sweep (even when this one
    failed)."""
    from tvatakt.core.signin import services

    try:
        return services.forget_failed_logins()
    finally:
        sweep_book(run_after=timezone.now() + SWEEP_EVERY)


def sweep_book(*, run_after: datetime.datetime | None = None) -> bool:
    """Queue the sweep unless one is waiting; `tvatakt worker` calls this on start. With tasks run inline, run
    `tvatakt signin-sweep` from cron."""
    return book_once(sweep, run_after=run_after)
