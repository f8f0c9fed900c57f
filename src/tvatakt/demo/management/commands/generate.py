import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tvatakt.demo import generator
from tvatakt.demo.loader import load_demo_city


class Command(BaseCommand):
    help = "Generate Stockholm-scale synthetic data on top of the demo city. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 is Stockholm's size; 10 is ten times that.")

    def handle(self, *args, scale: float, **options):
        if scale <= 0:
            raise CommandError(_("The scale must be above zero."))
        started = time.monotonic()
        load_demo_city()
        work = generator.plan(scale)
        columns = [TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
        with Progress(*columns, console=None, transient=False) as progress:
            for step, start, stop in work:
                task = progress.add_task(step.name, total=stop - start)
                step.run(start, stop, lambda n, task=task: progress.advance(task, n))
        seconds = time.monotonic() - started
        self.stdout.write(_("Generated in %(seconds).1f s.") % {"seconds": seconds})
