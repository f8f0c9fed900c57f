"""One registration in play per e-mail address and per phone number at an event, held by unique indexes."""

import django.db.models.functions.text
from django.db import migrations, models

ZERO_DOWNTIME = (
    "Two unique indexes, built CONCURRENTLY on PostgreSQL, so the table keeps taking registrations meanwhile (the "
    "migration is not atomic for that); SQLite, one node, builds them in place. The release still running refuses "
    "the same duplicates in its service, so what it saves meanwhile fits the indexes. If the data already holds "
    "such a pair (two registrations made at the same moment), nothing is built and the pairs are listed."
)
ACTIVE = ("pending_consent", "confirmed", "offered", "attended", "waiting")
CONSTRAINTS = [
    models.UniqueConstraint(
        models.F("event"), django.db.models.functions.text.Lower("email"),
        condition=models.Q(("status__in", ACTIVE), models.Q(("email", ""), _negated=True)),
        name="one_active_registration_per_email",
    ),
    models.UniqueConstraint(
        condition=models.Q(("status__in", ACTIVE), models.Q(("phone", ""), _negated=True)),
        fields=("event", "phone"), name="one_active_registration_per_phone",
    ),
]  # fmt: skip


def duplicates(registration_model) -> list[str]:
    """The registrations in play that share an event and an e-mail address (in any case) or a phone number, as
    "event: CODE, CODE" lines; empty when there are none."""
    from django.db.models import Count
    from django.db.models.functions import Lower

    live = registration_model.objects.filter(status__in=ACTIVE)
    found = []
    for field, key in (("email", Lower("email")), ("phone", models.F("phone"))):
        pairs = live.exclude(**{field: ""}).values("event_id", contact=key).annotate(n=Count("pk")).filter(n__gt=1)
        for pair in pairs:
            same = live.filter(event_id=pair["event_id"]).alias(contact=key).filter(contact=pair["contact"])
            codes = sorted(same.values_list("code", flat=True))
            found.append(f"event {pair['event_id']}: {', '.join(codes)}")
    return found


def build(apps, schema_editor):
    registration = apps.get_model("inclusion", "Registration")
    found = duplicates(registration)
    if found:
        raise RuntimeError(
            "Some people are registered twice for the same event (same e-mail address or phone number). Cancel "
            "one of each pair (the admin: Registrations, search by code), then run migrate again:\n"
            + "\n".join(found[:50])
        )
    for constraint in CONSTRAINTS:
        sql = str(constraint.create_sql(registration, schema_editor))
        if schema_editor.connection.vendor == "postgresql":
            sql = sql.replace("CREATE UNIQUE INDEX", "CREATE UNIQUE INDEX CONCURRENTLY", 1)
        schema_editor.execute(sql, params=None)


def unbuild(apps, schema_editor):
    registration = apps.get_model("inclusion", "Registration")
    for constraint in CONSTRAINTS:
        schema_editor.execute(str(constraint.remove_sql(registration, schema_editor)), params=None)


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [
        ("inclusion", "0007_event_not_ended_index"),
        ("organisation", "0003_erasure"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddConstraint(model_name="registration", constraint=constraint) for constraint in CONSTRAINTS
            ],
            database_operations=[migrations.RunPython(build, unbuild)],
        )
    ]
