from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.opendata import services
from tvatakt.opendata.harvest import run
from tvatakt.opendata.models import HarvestJob, HarvestSource


class Command(BaseCommand):
    help = (
        "Harvest other catalogues into the open-data catalogue: the scheduled sources that are due (--due, for "
        "cron when no worker runs), or one source now (--source ID). The worker runs the jobs; --wait runs them here."
    )

    def add_arguments(self, parser):
        parser.add_argument("--due", action="store_true", help="Start every scheduled harvest that is due.")
        parser.add_argument("--source", type=int, metavar="ID", help="Start a harvest of this source now.")
        parser.add_argument("--wait", action="store_true", help="Run the jobs in this process, not the worker.")

    def handle(self, *args, due: bool, source: int | None, wait: bool, **options):
        if not due and source is None:
            raise CommandError(_("Say --due, or --source ID."))
        jobs: list[HarvestJob] = []
        if due:
            jobs += services.harvests_due()
        if source is not None:
            found = HarvestSource.objects.filter(pk=source).first()
            if found is None:
                raise CommandError(_("No harvest source has the id %(id)s.") % {"id": source})
            try:
                jobs.append(services.harvest_start(actor=None, source=found))
            except DomainError as exc:
                raise CommandError(" ".join(exc.messages)) from exc
        for job in jobs:
            status = run.run(job.pk) if wait else job.get_status_display()
            self.stdout.write(f"{job.source}: {status} ({job.get_absolute_url()})")
        self.stdout.write(_("Harvests started: %(count)s.") % {"count": len(jobs)})
