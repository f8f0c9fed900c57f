from django.db import migrations, models

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
