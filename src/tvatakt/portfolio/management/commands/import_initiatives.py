from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tvatakt.core.tabular import ImportFailed
from tvatakt.portfolio.importer import import_initiatives


class Command(BaseCommand):
    help = "Load initiatives from a CSV file. The whole file loads, or nothing does."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": file, "reason": exc.strerror}) from exc
        try:
            created = import_initiatives(data, actor=None)
        except ImportFailed as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("Nothing was imported: %(count)s problem(s) in %(file)s.") % {"count": len(exc.errors), "file": file}
            ) from exc
        message = ngettext("Imported %(count)s initiative.", "Imported %(count)s initiatives.", created)
        self.stdout.write(message % {"count": created})
