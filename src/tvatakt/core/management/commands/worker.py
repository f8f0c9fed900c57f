from django.core.management import call_command
from django.core.management.base import BaseCommand

from tvatakt.council.tasks import reminders_sweep_book


class Command(BaseCommand):
    help = "Run the background-task worker (e-mail, reminders, exports) and the daily reminder sweep. Stop with Ctrl+C."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run the waiting tasks, then exit.")

    def handle(self, *args, batch, **options):
        # The sweep books its own next run each day; this books one only when none is waiting (a first start,
        # or a chain broken by an outage), so restarts and extra workers add none.
        reminders_sweep_book()
        call_command("db_worker", "--interval", "1", "--queue-name", "*", *(["--batch"] if batch else []))
