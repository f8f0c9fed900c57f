import datetime

import pytest
from django.db import connection
from django.utils import timezone, translation

from tvatakt.council import services
from tvatakt.council.models import Adoption, AdoptionStep, Council, Decision, Reminder, Vote
from tvatakt.organisation.models import Person, RoleAssignment


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def council(db):
    """The demo's council with its record set aside, so that these tests start from an empty year, and a quorum
    of three. Rolled back after each test, like every change; raw deletes, since the demo has a thousand rows."""
    with connection.cursor() as cursor:
        for model in (Reminder, AdoptionStep, Vote, Adoption, Decision):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
    council, _ = Council.objects.update_or_create(
        slug="digitaliseringsradet",
        defaults={"quorum": 3},
        create_defaults={"name": "Digitaliseringsrådet", "quorum": 3},
    )
    return council


@pytest.fixture
def members(db, person):
    """The chair, the demo council member, and two more members: four who may vote."""
    extra = []
    for n in range(2):
        member = Person.objects.create(username=f"ledamot{n}", first_name="Ledamot", last_name=str(n))
        RoleAssignment.objects.create(person=member, role="council_member", valid_from=datetime.date(2020, 1, 1))
        extra.append(member)
    return [person("radsordforande"), person("radsledamot"), *extra]


@pytest.fixture
def meeting(council, person):
    starts = timezone.now() - datetime.timedelta(days=7)
    return services.meeting_schedule(
        actor=person("sekreterare"),
        council=council,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        place="Stadshuset",
    )


@pytest.fixture
def item(meeting, person):
    def make(kind="decision", title="Gemensam e-legitimation"):
        return services.agenda_item_add(
            actor=person("sekreterare"), meeting=meeting, kind=kind, title=title, raised_by=person("it-direktor")
        )

    return make
