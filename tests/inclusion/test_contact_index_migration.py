"""The migration that adds the unique indexes on a registration's contact lists the pairs that would break them,
rather than failing half-way on a database that a check-then-insert once let two of them into."""

import importlib

import pytest
from django.db import connection

from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.models import Registration

from .conftest import make_event

migration = importlib.import_module("tvatakt.inclusion.migrations.0008_one_active_registration_per_contact")


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the indexes are dropped for the test and come back with its rollback: SQLite's schema editor cannot "
    "run inside the test's transaction",
)
@pytest.mark.django_db
def test_the_migration_lists_registrations_that_would_break_the_unique_indexes():
    event = make_event(slug="test-dubbletter")
    with connection.schema_editor() as editor:
        for constraint in migration.CONSTRAINTS:
            editor.remove_constraint(Registration, constraint)
    kept = {"event": event, "contact_name": "Anna", "seats": 1}
    Registration.objects.create(code="DUBB0001", status=Status.CONFIRMED, email="anna@example.se", **kept)
    Registration.objects.create(code="DUBB0002", status=Status.WAITING, email="Anna@Example.se", **kept)
    Registration.objects.create(code="DUBB0003", status=Status.CANCELLED, email="anna@example.se", **kept)
    Registration.objects.create(code="DUBB0004", status=Status.CONFIRMED, phone="070-1", **kept)
    Registration.objects.create(code="DUBB0005", status=Status.OFFERED, phone="070-1", **kept)

    found = migration.duplicates(Registration)

    assert found == [f"event {event.pk}: DUBB0001, DUBB0002", f"event {event.pk}: DUBB0004, DUBB0005"]
    with pytest.raises(RuntimeError, match="DUBB0004, DUBB0005"):
        migration.build(_Apps(), editor)


class _Apps:
    """The app registry a migration's function is given; the model as it is now will do here."""

    def get_model(self, app_label, name):
        return Registration
