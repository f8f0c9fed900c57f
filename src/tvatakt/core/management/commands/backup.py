from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tvatakt.core import backup


class Command(BaseCommand):
    help = (
        "Back up the database while the site runs: SQLite with its online backup API, PostgreSQL with pg_dump "
        "(custom format). A JSON manifest (version, migrations, row counts) is written next to the file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            help="Where to write the backup. Default: <data dir>/backups/tvatakt-<engine>-<UTC time>.<sqlite3|dump>",
        )

    def handle(self, *args, path, **options):
        try:
            done = backup.backup_create(path=path)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        size = done.path.stat().st_size
        size = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"
        self.stdout.write(_("Backup written: %(path)s (%(size)s)") % {"path": done.path, "size": size})
        self.stdout.write(
            _("Manifest: %(path)s (%(rows)s rows in %(tables)s tables)")
            % {
                "path": backup.manifest_path(done.path),
                "rows": sum(done.manifest["tables"].values()),
                "tables": len(done.manifest["tables"]),
            }
        )
