"""`tvatakt backup` and `tvatakt restore`, run as an operator runs them: in processes of their own, against throwaway
databases seeded from the test database (migrated, with the demo city). On SQLite they are files in temporary data
directories; on PostgreSQL, databases created and dropped here. Each run checks its own engine for real."""

import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import uuid
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.utils import translation
from psycopg.conninfo import make_conninfo

from tvatakt.organisation.models import Organisation, Person

# Marked so that pytest-django sets up the test database, the seed, whichever of these tests run.
pytestmark = pytest.mark.django_db

# Records compared field by field after a restore, besides every table's row count.
SAMPLES = {
    "organisation_organisation": "id, slug, kind, name, short_name, org_number, is_active, created_at",
    "organisation_person": "id, username, first_name, last_name, email, password, is_staff, date_joined",
    "council_decision": "id, reference, text, decided_on, method, deadline, scope, item_id",
}
TABLES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    "postgresql": "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
}
# Changes an operator might regret: every organisation renamed, and history rows gone.
CHANGES = [
    "UPDATE organisation_organisation SET name = name || ' (ändrad)'",
    "DELETE FROM organisation_historicalorganisation",
]


def snapshot(db, vendor: str) -> dict:
    """Every table's row count and the sample records, read with plain SQL rather than the code under test."""

    def rows(sql: str) -> list[tuple]:
        cursor = db.cursor()
        cursor.execute(sql)
        return cursor.fetchall()

    tables = [name for (name,) in rows(TABLES[vendor])]
    return {
        "counts": {table: rows(f'SELECT COUNT(*) FROM "{table}"')[0][0] for table in tables},
        "samples": {table: rows(f"SELECT {columns} FROM {table} ORDER BY id") for table, columns in SAMPLES.items()},
    }


class Site:
    """An installation the commands run against: its environment, and its database to read and change."""

    def __init__(self, vendor: str, data_dir: Path, database: str):
        self.vendor, self.data_dir, self.database = vendor, data_dir, database
        self.env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
        self.env.update(DJANGO_SETTINGS_MODULE="tvatakt.settings", TVATAKT_DATA_DIR=str(data_dir))
        if vendor == "postgresql":
            self.env["DATABASE_URL"] = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{database}").geturl()

    def tvatakt(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "tvatakt", *args],
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def open(self):
        if self.vendor == "sqlite":
            return closing(sqlite3.connect(self.database))
        return psycopg.connect(pg_conninfo(self.database), autocommit=True)

    def snapshot(self) -> dict:
        with self.open() as db:
            return snapshot(db, self.vendor)

    def change(self) -> None:
        with self.open() as db:
            for sql in CHANGES:
                db.execute(sql)
            if self.vendor == "sqlite":
                db.commit()


def pg_conninfo(dbname: str) -> str:
    db = connection.settings_dict
    parts = {"host": db["HOST"], "port": str(db["PORT"] or ""), "user": db["USER"], "password": db["PASSWORD"]}
    return make_conninfo("", dbname=dbname, **{key: value for key, value in parts.items() if value})


def pg_admin(sql: str) -> None:
    with psycopg.connect(pg_conninfo("postgres"), autocommit=True) as db:
        db.execute(sql)


@pytest.fixture(scope="module")
def make_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Sites of the engine the tests run on, each seeded from the test database or empty; dropped afterwards."""
    vendor, dropped = connection.vendor, []

    def make(*, seeded: bool) -> Site:
        data_dir = tmp_path_factory.mktemp("site")
        if vendor == "sqlite":
            site = Site(vendor, data_dir, str(data_dir / "tvatakt.sqlite3"))
            if seeded:
                with django_db_blocker.unblock(), closing(sqlite3.connect(site.database)) as target:
                    connection.ensure_connection()
                    connection.connection.backup(target)
            return site
        site = Site(vendor, data_dir, f"tvatakt_backup_{'src' if seeded else 'dst'}_{uuid.uuid4().hex[:10]}")
        template = ""
        if seeded:
            # A template copy needs the test database to itself for a moment: no test transaction is open here.
            with django_db_blocker.unblock():
                connections.close_all()
            template = f' TEMPLATE "{connection.settings_dict["NAME"]}"'
        pg_admin(f'CREATE DATABASE "{site.database}"{template}')
        dropped.append(site.database)
        return site

    yield make
    for name in dropped:
        pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def saved(make_site):
    """A seeded site, its contents, and the backup `tvatakt backup` made of it (at the default place)."""
    site = make_site(seeded=True)
    before = site.snapshot()
    made = site.tvatakt("backup")
    assert made.returncode == 0, made.stderr
    path = Path(re.search(r"Säkerhetskopia skriven: (.+) \(", made.stdout).group(1))  # in sv, the site's language
    return site, before, path


def test_backup_writes_an_owner_only_file_and_a_manifest_counting_every_table(saved):
    site, before, path = saved
    extension = "sqlite3" if site.vendor == "sqlite" else "dump"
    assert path.parent == site.data_dir / "backups"
    assert re.fullmatch(rf"tvatakt-{site.vendor}-\d{{8}}T\d{{6}}Z\.{extension}", path.name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    manifest = json.loads(path.with_name(path.name + ".json").read_text())
    assert manifest["engine"] == site.vendor and manifest["tvatakt"]
    assert manifest["migrations"]["organisation"].startswith("00")
    assert manifest["tables"]["organisation_person"] == before["counts"]["organisation_person"] > 100
    assert manifest["tables"] == {table: before["counts"][table] for table in manifest["tables"]}
    assert not list(path.parent.glob("*.part")), "the temporary file is gone"


def test_restore_into_a_fresh_database_brings_back_every_row_and_record(saved, make_site):
    site, before, path = saved
    fresh = make_site(seeded=False)
    if site.vendor == "postgresql":
        # --dbname names the target; the configured database is the source, which must stay as it is.
        done = site.tvatakt("restore", str(path), "--dbname", fresh.database)
    else:
        done = fresh.tvatakt("restore", str(path))
    assert done.returncode == 0, done.stderr
    assert "Antalet rader stämmer med säkerhetskopians manifest" in done.stdout
    assert fresh.snapshot() == before
    assert site.snapshot() == before


def test_restore_over_changed_data_is_refused_without_yes_and_then_brings_the_backup_back(saved):
    site, before, path = saved
    site.change()
    changed = site.snapshot()
    assert changed != before

    refused = site.tvatakt("restore", str(path))
    assert refused.returncode == 1
    assert "innehåller redan data" in refused.stderr and "--yes" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert site.snapshot() == changed

    done = site.tvatakt("restore", str(path), "--yes")
    assert done.returncode == 0, done.stderr
    assert site.snapshot() == before


def test_restore_reports_each_table_whose_row_count_differs_from_the_manifest(saved, tmp_path):
    site, before, path = saved
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    manifest = json.loads(path.with_name(path.name + ".json").read_text())
    manifest["tables"]["organisation_person"] += 1
    copy.with_name(copy.name + ".json").write_text(json.dumps(manifest))

    done = site.tvatakt("restore", str(copy), "--yes")
    assert done.returncode == 1
    people = before["counts"]["organisation_person"]
    assert f"organisation_person: {people + 1} → {people}" in done.stderr
    assert "council_decision" not in done.stderr


def test_restore_of_a_file_that_is_no_backup_says_so_and_changes_nothing(tmp_path):
    counts = Organisation.objects.count(), Person.objects.count()
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    files = {
        "notes.txt": (b"name,kind\nStadsledningskontoret,fackforvaltning\n", "not a Tvåtakt backup"),
        "other.bin": (b"SQLite format 3\x00" if other == "sqlite" else b"PGDMP\x01\x0e", f"is a {other} backup"),
        "damaged.bin": (
            b"SQLite format 3\x00" + b"\x00" * 200 if connection.vendor == "sqlite" else b"PGDMP" + b"\xff" * 200,
            "damaged" if connection.vendor == "sqlite" else "pg_restore failed",
        ),
    }
    with translation.override("en"):
        for name, (content, message) in files.items():
            (tmp_path / name).write_bytes(content)
            with pytest.raises(CommandError, match=message):
                call_command("restore", str(tmp_path / name), "--yes")
        with pytest.raises(CommandError, match="There is no file"):
            call_command("restore", str(tmp_path / "missing.dump"), "--yes")
    assert (Organisation.objects.count(), Person.objects.count()) == counts


def test_backup_of_a_database_without_tvatakt_tables_is_refused_and_creates_none(tmp_path):
    done = Site("sqlite", tmp_path, "").tvatakt("backup")
    assert done.returncode == 1
    assert "har inga tabeller från Tvåtakt" in done.stderr and "TVATAKT_DATA_DIR" in done.stderr
    assert not (tmp_path / "tvatakt.sqlite3").exists()
    assert not list(tmp_path.glob("backups/*"))


def test_without_the_postgresql_client_programs_the_commands_name_the_package_to_install(tmp_path):
    site = Site("sqlite", tmp_path, "")
    # Nothing listens on port 1: the check for the program must come before any connection.
    env = {"DATABASE_URL": "postgres://postgres@127.0.0.1:1/tvatakt_nowhere", "PATH": str(tmp_path)}
    (tmp_path / "backup.dump").write_bytes(b"PGDMP" + b"\x00" * 100)
    for args, program in [(["backup"], "pg_dump"), (["restore", str(tmp_path / "backup.dump")], "pg_restore")]:
        done = site.tvatakt(*args, **env)
        assert done.returncode == 1
        assert f"{program} hittades inte" in done.stderr and "postgresql-client" in done.stderr
        assert "Traceback" not in done.stderr
