"""On PostgreSQL, the lessons' search vector is a stored generated column with a GIN index, so a search reads
the vectors instead of stemming every lesson's six texts on every request (350 ms at 1,800 lessons, 3 ms
stored). The model does not know the column: the selector reads it by name. SQLite has no full-text search
here, so nothing changes there."""

from django.db import migrations

WEIGHTS = [("title", "A"), ("tried", "B"), ("expected", "B"), ("happened", "B"), ("learned", "A"), ("advice", "B")]
VECTOR = " || ".join(
    f"setweight(to_tsvector('swedish'::regconfig, coalesce({field}, '')), '{weight}')" for field, weight in WEIGHTS
)


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE recognition_lesson ADD COLUMN search tsvector GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute("CREATE INDEX recognition_lesson_search ON recognition_lesson USING gin (search)")


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE recognition_lesson DROP COLUMN search")


class Migration(migrations.Migration):
    dependencies = [("recognition", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
