"""The one shape of a command that loads a CSV file: read it, hand it to an importer, and on refusal print each
problem by row and column and fail, having changed nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tvatakt.core.tabular import ImportFailed


class ImportCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": file, "reason": exc.strerror}) from exc
        try:
            result = self.load(data)
        except ImportFailed as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("Nothing was imported: %(count)s problem(s) in %(file)s.") % {"count": len(exc.errors), "file": file}
            ) from exc
        self.stdout.write(self.done(result))

    def load(self, data: bytes):
        """Import the file's bytes; raise ImportFailed to refuse it. Returns what done() reports."""
        raise NotImplementedError

    def done(self, result) -> str:
        raise NotImplementedError
