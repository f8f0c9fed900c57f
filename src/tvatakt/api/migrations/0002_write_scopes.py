from django.db import migrations, models

ZERO_DOWNTIME = (
    "The column has a default, so adding it touches no rows; the data step updates the API keys, a table of a few "
    "keys a person (at most 10 live each), in one short statement. The old release ignores the column."
)
# The scopes as they were when this migration was written: a migration must not follow later changes to the code.
EVERY_PART = ["council", "innovation", "portfolio"]


def keep_what_keys_could_do(apps, schema_editor):
    """Keys made before scopes could change all their person could: they keep that, so no program stops working.
    New keys start read-only."""
    apps.get_model("api", "ApiToken").objects.update(write_scopes=EVERY_PART)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="write_scopes",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="The parts of the service the key may change.",
                verbose_name="may change",
            ),
        ),
        migrations.RunPython(keep_what_keys_could_do, migrations.RunPython.noop),
    ]
