import datetime

import pytest
from django.utils import timezone, translation

from tvatakt.organisation.models import Organisation, Person
from tvatakt.portfolio import services
from tvatakt.portfolio.dates import quarter_end, quarter_start
from tvatakt.portfolio.models import ProcessType


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, the source language."""
    with translation.override("en"):
        yield


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def make_initiative(db, person, today):
    """A new initiative made through the service, by the IT director, led by the demo's initiative lead."""

    def make(kind: str = "snabbprojekt", **overrides):
        process_type = ProcessType.objects.get(slug=kind)
        fields = {
            "title": "Testinitiativ",
            "process_type": process_type,
            "organisation": Organisation.objects.get(name="Utbildningsförvaltningen"),
            "unit": process_type.unit,
            "start_date": today - datetime.timedelta(days=10),
            "planned_end": today + datetime.timedelta(days=300),
            "lead": person("initiativledare"),
            "status": "active",
        }
        if process_type.mode == "sprint":
            fields |= {"hypothesis": "Vi tror att X ger Y, mätt som Z.", "quarter": quarter_start(today)}
            fields["planned_end"] = quarter_end(today)
        fields |= overrides
        return services.initiative_create(actor=person("it-direktor"), **fields)

    return make


@pytest.fixture
def ordinary(db):
    """A logged-in member of staff with no role at all."""
    return Person.objects.create_user(
        username="vanlig", password="pw-vanlig-123", first_name="Vanlig", last_name="Anställd"
    )
