from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tvatakt.core.tabular import ImportFailed
from tvatakt.inclusion.population import import_population


class Command(BaseCommand):
    help = (
        "Load the population by district and age group from a CSV file (district, age_group, year, people, "
        "estimate), for the reach dashboard's coverage per 1,000 inhabitants. The whole file loads, or nothing does."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": file, "reason": exc.strerror}) from exc
        try:
            count = import_population(data)
        except ImportFailed as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("Nothing was imported: %(count)s problem(s) in %(file)s.") % {"count": len(exc.errors), "file": file}
            ) from exc
        self.stdout.write(_("Population figures loaded: %(count)s.") % {"count": count})
