"""The 13 EU data themes, and the catalogue's full-text search in the database itself (no Solr to run).

PostgreSQL: a stored generated `search` column with a GIN index: the Swedish texts with Swedish stemming, the
English ones with English stemming, titles and keywords weighing most.
SQLite: an FTS5 table over the same texts, kept in step with the dataset table by triggers.
The model does not know either: the selectors read them by name."""

from django.db import migrations

THEMES = ["AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "SOCI", "REGI", "TECH", "TRAN"]
PARTS = [
    ("swedish", "title", "A"),
    ("swedish", "keywords_text", "A"),
    ("swedish", "description", "B"),
    ("english", "title_en", "A"),
    ("english", "description_en", "B"),
]
TEXTS = "title, keywords_text, description, title_en, description_en"
VECTOR = " || ".join(
    f"setweight(to_tsvector('{config}'::regconfig, coalesce({field}, '')), '{weight}')"
    for config, field, weight in PARTS
)
SQLITE = [
    f"CREATE VIRTUAL TABLE opendata_dataset_fts USING fts5({TEXTS}, content='opendata_dataset', content_rowid='id',"
    " tokenize='unicode61')",
    f"""CREATE TRIGGER opendata_dataset_fts_insert AFTER INSERT ON opendata_dataset BEGIN
        INSERT INTO opendata_dataset_fts(rowid, {TEXTS})
        VALUES (new.id, new.title, new.keywords_text, new.description, new.title_en, new.description_en);
    END""",
    f"""CREATE TRIGGER opendata_dataset_fts_delete AFTER DELETE ON opendata_dataset BEGIN
        INSERT INTO opendata_dataset_fts(opendata_dataset_fts, rowid, {TEXTS})
        VALUES ('delete', old.id, old.title, old.keywords_text, old.description, old.title_en, old.description_en);
    END""",
    f"""CREATE TRIGGER opendata_dataset_fts_update AFTER UPDATE ON opendata_dataset BEGIN
        INSERT INTO opendata_dataset_fts(opendata_dataset_fts, rowid, {TEXTS})
        VALUES ('delete', old.id, old.title, old.keywords_text, old.description, old.title_en, old.description_en);
        INSERT INTO opendata_dataset_fts(rowid, {TEXTS})
        VALUES (new.id, new.title, new.keywords_text, new.description, new.title_en, new.description_en);
    END""",
    "INSERT INTO opendata_dataset_fts(opendata_dataset_fts) VALUES ('rebuild')",
]


def themes(apps, schema_editor):
    Theme = apps.get_model("opendata", "Theme")
    Theme.objects.bulk_create([Theme(code=code) for code in THEMES], ignore_conflicts=True)


def search(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE opendata_dataset ADD COLUMN search tsvector GENERATED ALWAYS AS ({VECTOR}) STORED"
        )
        schema_editor.execute("CREATE INDEX opendata_dataset_search ON opendata_dataset USING gin (search)")
    elif vendor == "sqlite":
        for statement in SQLITE:
            schema_editor.execute(statement)


def no_search(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("ALTER TABLE opendata_dataset DROP COLUMN search")
    elif vendor == "sqlite":
        for name in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER opendata_dataset_fts_{name}")
        schema_editor.execute("DROP TABLE opendata_dataset_fts")


class Migration(migrations.Migration):
    dependencies = [("opendata", "0001_initial")]

    operations = [
        migrations.RunPython(themes, migrations.RunPython.noop),
        migrations.RunPython(search, no_search),
    ]
