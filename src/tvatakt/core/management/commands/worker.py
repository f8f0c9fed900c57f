from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Run the background-task worker (e-mail, reminders, exports) and the daily reminder sweep. Stop with Ctrl+C."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run the waiting tasks, then exit.")

    def handle(self, *args, batch, **options):
        if not batch:
            # The apps' recurring work (settings.WORKER_STARTUP), e.g. the council's daily reminder sweep, which
            # books its own next run and is booked here only when none is waiting. Draining the queue with
            # --batch starts none of it.
            for path in settings.WORKER_STARTUP:
                import_string(path)()
        call_command("db_worker", "--interval", "1", "--queue-name", "*", *(["--batch"] if batch else []))
