"""Back up and restore the database: SQLite with its online backup API, PostgreSQL with pg_dump and pg_restore.

Each backup gets a manifest next to it (core.backup_manifest), read from the same snapshot as the backup, so that a
restore can be checked against it.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.utils.translation import gettext as _
from psycopg.conninfo import make_conninfo

from tvatakt.core.backup_manifest import (
    BackupError,
    compare,
    describe,
    manifest_path,
    other_database,
    pending_migrations,
    read_manifest,
    row_counts,
)

__all__ = ["BackupError", "Outcome", "backup_create", "backup_restore", "manifest_path"]

SQLITE_HEADER = b"SQLite format 3\x00"
PG_CUSTOM_HEADER = b"PGDMP"
EXTENSIONS = {"sqlite": "sqlite3", "postgresql": "dump"}
# Rows that `tvatakt migrate` writes into an empty database by itself: replacing them loses nothing.
MIGRATE_FILLS = {"django_migrations", "django_content_type", "auth_permission"}
# Connection settings that pg_dump and pg_restore understand as well; a password never goes on their command line.
LIBPQ_OPTIONS = {"sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "connect_timeout", "target_session_attrs"}


@dataclass
class Outcome:
    path: Path
    database: str
    manifest: dict
    notes: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)


def engine() -> str:
    vendor = connections[DEFAULT_DB_ALIAS].vendor
    if vendor not in EXTENSIONS:
        raise BackupError(_("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": vendor})
    return vendor


def require_tables() -> None:
    """Refuse to back up a database without Tvåtakt's tables: most likely the settings point to the wrong one."""
    connection = connections[DEFAULT_DB_ALIAS]
    name = connection.settings_dict["NAME"]
    # Connecting to an SQLite file that is not there would create an empty one.
    absent = connection.vendor == "sqlite" and not connection.is_in_memory_db() and not Path(name).exists()
    if absent or "django_migrations" not in connection.introspection.table_names():
        raise BackupError(
            _("The database %(name)s holds no Tvåtakt tables: check TVATAKT_DATA_DIR or DATABASE_URL.") % {"name": name}
        )


def program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            _("%(program)s was not found. Install PostgreSQL's client programs (Debian: postgresql-client).")
            % {"program": name}
        )
    return found


def pg_connection(name: str) -> tuple[str, dict[str, str]]:
    """libpq's connection string for pg_dump and pg_restore, and their environment with the password in it."""
    db = connections.settings[DEFAULT_DB_ALIAS]
    options = {key: str(value) for key, value in db["OPTIONS"].items() if key in LIBPQ_OPTIONS}
    parts = {"host": db["HOST"], "port": str(db["PORT"] or ""), "user": db["USER"], **options}
    conninfo = make_conninfo("", dbname=name, **{key: value for key, value in parts.items() if value})
    env = os.environ.copy()
    if db["PASSWORD"]:
        env["PGPASSWORD"] = db["PASSWORD"]
    return conninfo, env


def run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - no shell
    if result.returncode:
        message = _("%(program)s failed (exit %(code)s):\n%(stderr)s") % {
            "program": Path(args[0]).name,
            "code": result.returncode,
            "stderr": result.stderr.strip(),
        }
        if "version mismatch" in result.stderr:
            message += "\n" + _(
                "pg_dump and pg_restore must be at least as new as the server: install the client programs of its "
                "version (Debian: postgresql-client-<version>, from apt.postgresql.org if Debian's is older)."
            )
        raise BackupError(message)


def write_private(path: Path) -> None:
    """Create an empty file only its owner may read: a backup holds personal data."""
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def backup_create(*, path: Path | None = None) -> Outcome:
    """Back up the configured database to `path` (by default under the data directory's backups/)."""
    kind = engine()
    stamp = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = (path or settings.DATA_DIR / "backups").expanduser().resolve()
    if path.is_dir() or path == (settings.DATA_DIR / "backups").resolve():
        path = path / f"tvatakt-{kind}-{stamp}.{EXTENSIONS[kind]}"
    # Written beside the target and renamed when complete, so a file with the backup's name is always whole.
    part = path.with_name(f".{path.name}.part")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_private(part)
        manifest = sqlite_backup(part) if kind == "sqlite" else pg_backup(part)
        part.replace(path)
        manifest_path(path).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        manifest_path(path).chmod(0o600)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(_("Could not write %(path)s: %(error)s") % {"path": path, "error": exc}) from None
    except DatabaseError as exc:
        raise BackupError(_("Could not read the database: %(error)s") % {"error": exc}) from None
    finally:
        part.unlink(missing_ok=True)
    return Outcome(path=path, database=str(settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"]), manifest=manifest)


def sqlite_backup(part: Path) -> dict:
    require_tables()
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    with closing(sqlite3.connect(part)) as target:
        # All pages in one step, under one read lock: a consistent copy, and in WAL mode the site goes on writing.
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    with other_database(str(part)) as alias:
        return describe(alias)


def pg_backup(part: Path) -> dict:
    pg_dump = program("pg_dump")
    require_tables()
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    # The manifest counts rows in the very snapshot pg_dump copies, so a busy site does not make them disagree.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        manifest = describe(DEFAULT_DB_ALIAS)
        conninfo, env = pg_connection(connection.settings_dict["NAME"])
        run([pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={part}", f"--dbname={conninfo}"], env)
    return manifest


def backup_kind(path: Path) -> str:
    """Which engine wrote the backup file, from its first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise BackupError(_("There is no file %(path)s.") % {"path": path}) from None
    except OSError as exc:
        raise BackupError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc.strerror}) from None
    if head == SQLITE_HEADER:
        return "sqlite"
    if head.startswith(PG_CUSTOM_HEADER):
        return "postgresql"
    raise BackupError(
        _("%(path)s is not a Tvåtakt backup: neither an SQLite database nor a pg_dump file in custom format.")
        % {"path": path}
    )


def backup_restore(*, path: Path, replace: bool = False, dbname: str = "") -> Outcome:
    """Replace the configured database (or PostgreSQL database `dbname`) with the backup in `path`.

    Changes nothing when the file is not a sound backup for this engine, or when the database holds data and
    `replace` is not given.
    """
    kind, path = engine(), path.expanduser().resolve()
    found = backup_kind(path)
    if found != kind:
        raise BackupError(
            _("%(path)s is a %(found)s backup, but the configured database is %(kind)s.")
            % {"path": path, "found": found, "kind": kind}
        )
    if dbname and kind != "postgresql":
        raise BackupError(_("A database name is for PostgreSQL; SQLite restores into the configured file."))
    name = dbname or str(settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"])
    saved = read_manifest(path)
    if kind == "sqlite":
        sqlite_check(path)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
    else:
        # pg_restore reads the whole table of contents: a truncated or damaged dump fails here, before any change.
        run([program("pg_restore"), "--list", str(path)], os.environ.copy())
    with other_database(name) as alias:
        refuse_unless_empty(alias, name, saved, replace=replace)
    connections.close_all()
    if kind == "sqlite":
        sqlite_restore(path, name)
    else:
        pg_restore(path, name)
    with other_database(name) as alias:
        restored = describe(alias)
        notes = pending_migrations(alias)
    return Outcome(path=path, database=name, manifest=restored, notes=notes, mismatches=compare(saved, restored))


def refuse_unless_empty(alias: str, name: str, saved: dict | None, *, replace: bool) -> None:
    try:
        counts = row_counts(alias)
    except DatabaseError as exc:
        raise BackupError(_("Cannot open the database %(name)s: %(error)s") % {"name": name, "error": exc}) from None
    held = {table: rows for table, rows in counts.items() if rows and table not in MIGRATE_FILLS}
    if not held or replace:
        return
    largest = sorted(held.items(), key=lambda item: -item[1])[:3]
    message = _(
        "The database %(name)s already holds data: %(rows)s rows (the most in %(largest)s). "
        "Restoring replaces all of it with the backup. Run again with --yes to go ahead."
    ) % {"name": name, "rows": sum(held.values()), "largest": ", ".join(f"{t}: {n}" for t, n in largest)}
    if saved:
        message += " " + _("The backup was made %(created)s.") % {"created": saved["created"]}
    raise BackupError(message)


def sqlite_open(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def sqlite_check(path: Path) -> None:
    try:
        with closing(sqlite_open(path)) as source:
            sound = source.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            ours = source.execute("SELECT 1 FROM sqlite_master WHERE name = 'django_migrations'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}) from None
    if not sound:
        raise BackupError(_("%(path)s is damaged (SQLite's quick_check fails).") % {"path": path})
    if not ours:
        raise BackupError(_("%(path)s is an SQLite database, but not one of Tvåtakt's.") % {"path": path})


def sqlite_restore(path: Path, name: str) -> None:
    try:
        with closing(sqlite_open(path)) as source, closing(sqlite3.connect(name, timeout=20)) as target:
            source.backup(target)
    except sqlite3.OperationalError as exc:
        written = _("Could not write %(path)s: %(error)s") % {"path": name, "error": exc}
        raise BackupError(f"{written}\n" + _("Stop the server and the worker first.")) from None


def pg_restore(path: Path, name: str) -> None:
    conninfo, env = pg_connection(name)
    # One transaction: a restore that fails half-way leaves the database as it was.
    flags = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]
    run([program("pg_restore"), *flags, f"--dbname={conninfo}", str(path)], env)
