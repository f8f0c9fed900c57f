import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tvatakt.council import services


class Command(BaseCommand):
    help = (
        "Queue the deadline reminders due today to ambassadors; the worker sends them. Run it daily. "
        "Running it again the same day sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", metavar="YYYY-MM-DD", help="Sweep as if it were this day: to test, or to catch up on missed days."
        )

    def handle(self, *args, date: str | None, **options):
        today = None
        if date:
            try:
                today = datetime.datetime.strptime(date, "%Y-%m-%d").date()  # noqa: DTZ007 - a day, not a moment
            except ValueError as exc:
                raise CommandError(
                    _("--date must be a date written YYYY-MM-DD, for example 2025-03-31; got “%(date)s”.")
                    % {"date": date}
                ) from exc
        count = services.reminders_send_due(today=today)
        self.stdout.write(_("Reminders queued: %(count)s.") % {"count": count})
