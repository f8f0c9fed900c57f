from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the background-task worker (e-mail, reminders, exports). Stop with Ctrl+C."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run the waiting tasks, then exit.")

    def handle(self, *args, batch, **options):
        call_command("db_worker", "--interval", "1", "--queue-name", "*", *(["--batch"] if batch else []))
