from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tvatakt.core import backup


class Command(BaseCommand):
    help = (
        "Replace the database with a backup made by `tvatakt backup`. SQLite: stop the server and the worker first. "
        "PostgreSQL: pg_restore --clean --if-exists --no-owner, in one transaction. Refuses to replace data "
        "without --yes, and checks the row counts against the backup's manifest afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup file (.sqlite3 or .dump).")
        parser.add_argument("--yes", action="store_true", help="Replace the data the database holds now.")
        parser.add_argument(
            "--dbname", default="", help="PostgreSQL: restore into this database instead of the configured one."
        )

    def handle(self, *args, path, yes, dbname, **options):
        try:
            done = backup.backup_restore(path=path, replace=yes, dbname=dbname)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(_("Restored %(path)s into %(database)s.") % {"path": done.path, "database": done.database})
        for note in done.notes:
            self.stdout.write(note)
        if done.mismatches:
            raise CommandError(
                _("The row counts differ from the backup's manifest:\n%(tables)s")
                % {"tables": "\n".join(done.mismatches)}
            )
        if backup.manifest_path(done.path).exists():
            self.stdout.write(
                _("Row counts match the backup's manifest (%(tables)s tables).")
                % {"tables": len(done.manifest["tables"])}
            )
        else:
            self.stdout.write(_("No manifest next to the backup: row counts not checked."))
