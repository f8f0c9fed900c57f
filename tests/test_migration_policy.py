"""Zero-downtime upgrades: a new migration may not lock or rewrite a big table on PostgreSQL, or break the code
of the release still running while it is applied, unless it says how it is rolled out safely.

During a rolling upgrade the old release keeps serving while the new one migrates, so a migration must be safe for
both: the patterns are in docs/developers.md ("Migrations without downtime"). A migration that needs more (a
rename done in two releases, an index built concurrently, a data step on a small table) sets a module-level
`ZERO_DOWNTIME = "why it is safe, or how it is rolled out"`, which a reviewer reads. The migrations written before
this policy are listed once and not checked again.

Checked with the first migration written after the policy (api.0002_write_scopes, which has a data step) before it
had its note: the first test failed and named it."""

from django.db import migrations, models
from django.db.migrations.loader import MigrationLoader

BEFORE_THE_POLICY = {
    ("api", "0001_initial"), ("core", "0001_initial"), ("council", "0001_initial"),
    ("council", "0002_attachments_reminders"), ("council", "0003_forum"),
    ("council", "0004_reminder_claims_paper_history"), ("inclusion", "0001_initial"), ("inclusion", "0002_erasure"),
    ("inclusion", "0003_reach"), ("inclusion", "0004_reminders"), ("inclusion", "0005_consent_withdrawal"),
    ("inclusion", "0006_host_messages"), ("inclusion", "0007_event_not_ended_index"),
    ("innovation", "0001_initial"), ("innovation", "0002_hackathons"), ("innovation", "0003_slugs_not_reserved"),
    ("opendata", "0001_initial"), ("opendata", "0002_themes_and_search"), ("opendata", "0003_harvest"),
    ("opendata", "0004_harvest_heartbeat"), ("organisation", "0001_initial"), ("organisation", "0002_innovation_lead"),
    ("organisation", "0003_erasure"), ("portfolio", "0001_initial"), ("recognition", "0001_initial"),
    ("recognition", "0002_lesson_search_column"),
}  # fmt: skip
# Operations that only add what the running release does not know about, or change nothing in the database.
HARMLESS = (migrations.CreateModel, migrations.AlterModelOptions, migrations.AlterModelManagers)


def problems(migration) -> list[str]:
    """What in `migration` could lock, rewrite or break the running release; empty if nothing, or if it says why."""
    module = __import__(migration.__module__, fromlist=["ZERO_DOWNTIME"])
    if getattr(module, "ZERO_DOWNTIME", "").strip():
        return []
    created = {op.name.lower() for op in migration.operations if isinstance(op, migrations.CreateModel)}
    found = []
    for op in migration.operations:
        name = type(op).__name__
        if isinstance(op, HARMLESS):
            continue
        if isinstance(op, migrations.AddField):
            field = op.field
            if not (field.null or field.has_default() or field.db_default is not models.NOT_PROVIDED or
                    field.many_to_many):  # fmt: skip
                found.append(f"{name} {op.model_name}.{op.name}: NOT NULL without a default fails on existing rows")
        elif isinstance(op, migrations.AddIndex | migrations.AddConstraint) and op.model_name not in created:
            found.append(f"{name} on {op.model_name}: builds or checks under a lock; build it concurrently")
        elif isinstance(op, migrations.AlterField):
            found.append(f"{name} {op.model_name}.{op.name}: may rewrite the table or break the running release")
        elif isinstance(op, migrations.RemoveField | migrations.DeleteModel | migrations.RenameField |
                        migrations.RenameModel | migrations.AlterModelTable):  # fmt: skip
            found.append(f"{name}: the running release still uses it; remove or rename in two releases")
        elif isinstance(op, migrations.RunSQL | migrations.RunPython):
            found.append(f"{name}: says nothing of how long it holds its locks")
        elif not isinstance(op, migrations.AddIndex | migrations.AddConstraint):
            found.append(f"{name}: not among the operations known to be safe")
    return found


def test_every_new_migration_is_safe_while_the_old_release_runs_or_says_why():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    ours = {key: found for key, found in loader.disk_migrations.items() if found.__module__.startswith("tvatakt.")}
    new = {key: migration for key, migration in ours.items() if key not in BEFORE_THE_POLICY}
    found = {f"{app}.{name}": problems(migration) for (app, name), migration in new.items()}
    assert {key: value for key, value in found.items() if value} == {}, "see docs/developers.md"


def test_the_policy_names_what_would_lock_or_break():
    class Migration(migrations.Migration):
        operations = [
            migrations.AlterField("event", "title", models.CharField(max_length=500)),
            migrations.AddField("event", "code", models.CharField(max_length=10)),
            migrations.AddField("event", "note", models.TextField(blank=True, default="")),
            migrations.AddIndex("event", models.Index(fields=["title"], name="event_title")),
            migrations.RenameField("event", "title", "name"),
        ]

    Migration.__module__ = __name__
    found = " ".join(problems(Migration("0099_risky", "inclusion")))
    assert "AlterField event.title" in found and "AddField event.code" in found
    assert "event.note" not in found  # a column with a default is added without touching the rows
    assert "AddIndex on event" in found and "RenameField" in found
