from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tvatakt.organisation.importer import ImportFailed, organisations_import


class Command(BaseCommand):
    help = "Load organisations and clusters from a CSV file. The whole file loads, or nothing does."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": file, "reason": exc.strerror}) from exc
        try:
            result = organisations_import(actor=None, data=data)
        except ImportFailed as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("Nothing was imported: %(count)s problem(s) in %(file)s.") % {"count": len(exc.errors), "file": file}
            ) from exc
        self.stdout.write(
            _("Imported: %(created)s new, %(updated)s updated organisations; %(clusters)s new clusters.")
            % {"created": result.created, "updated": result.updated, "clusters": result.clusters_created}
        )
