"""The manifest of a backup (`<backup>.json`, beside it): the version, the engine, the time, each app's latest
applied migration and every table's row count, read from the same snapshot as the backup. A restore is checked
against it, and told when the backup's schema is older or newer than this version's.
"""

import datetime
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from tvatakt import __version__


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with a message for the operator."""


def manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


@contextmanager
def other_database(name: str) -> Iterator[str]:
    """A connection alias for another database of the configured kind: a backup file, or a named PostgreSQL one."""
    alias = "tvatakt_backup"
    base = connections.settings[DEFAULT_DB_ALIAS]
    # No pool of its own, and no WAL switch: a backup file stays one self-contained file.
    options = {key: value for key, value in base["OPTIONS"].items() if key not in {"pool", "init_command"}}
    connections.settings[alias] = {**base, "NAME": name, "OPTIONS": options}
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


def row_counts(alias: str) -> dict[str, int]:
    """Rows in each table of the installed models that the database has."""
    tables = set(connections[alias].introspection.table_names())
    models = [*apps.get_models(include_auto_created=True), MigrationRecorder.Migration]
    return {
        model._meta.db_table: model._base_manager.using(alias).count()
        for model in sorted(models, key=lambda model: model._meta.db_table)
        if model._meta.managed and not model._meta.proxy and model._meta.db_table in tables
    }


def describe(alias: str) -> dict:
    """The manifest of a database: what a restore of it should bring back."""
    tables = row_counts(alias)
    # In the order applied, so each app's last one wins.
    applied = MigrationRecorder.Migration.objects.using(alias).order_by("id").values_list("app", "name")
    latest = dict(applied) if "django_migrations" in tables else {}
    return {
        "tvatakt": __version__,
        "engine": connections[alias].vendor,
        "created": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
        "migrations": dict(sorted(latest.items())),
        "tables": tables,
    }


def read_manifest(path: Path) -> dict | None:
    try:
        return json.loads(manifest_path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise BackupError(
            _("Cannot read the manifest %(path)s: %(error)s") % {"path": manifest_path(path), "error": exc}
        ) from None


def compare(saved: dict | None, restored: dict) -> list[str]:
    """Tables whose row count differs from the backup's manifest, as "table: saved → restored"."""
    if saved is None:
        return []
    return [
        f"{table}: {rows} → {restored['tables'].get(table, '-')}"
        for table, rows in saved["tables"].items()
        if restored["tables"].get(table) != rows
    ]


def pending_migrations(alias: str) -> list[str]:
    """Notes for the operator when the backup's schema is older or newer than this version's."""
    executor = MigrationExecutor(connections[alias])
    loader = executor.loader
    replaced = {key for squashed in loader.replacements.values() for key in squashed.replaces}
    unknown = [
        f"{app}.{name}"
        for app, name in loader.applied_migrations
        if (app, name) not in loader.graph.nodes and (app, name) not in replaced and app in loader.migrated_apps
    ]
    if unknown:
        return [
            _("The backup comes from a newer Tvåtakt: this version does not know the migrations %(names)s.")
            % {"names": ", ".join(sorted(unknown))}
        ]
    if executor.migration_plan(loader.graph.leaf_nodes()):
        return [_("The backup is older than this Tvåtakt: run `tvatakt migrate` (`tvatakt serve` also migrates).")]
    return []
