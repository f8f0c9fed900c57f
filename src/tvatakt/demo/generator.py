"""Stockholm-scale synthetic data on top of the demo city (`tvatakt generate --scale N`).

Each app adds a step to STEPS for its own models. A step gets the scale and a progress callback,
inserts in bulk, and skips what an earlier run already made, so the generator can be run again.
Faker is seeded, so a scale gives the same data on every machine.
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import DateTimeField, JSONField
from django.utils import timezone
from faker import Faker

from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment, Unit
from tvatakt.portfolio.models import Initiative

BATCH = 2000
Advance = Callable[[int], None]


@dataclass(frozen=True)
class Step:
    name: str
    per_scale: int  # how many rows one unit of scale adds
    run: Callable[[int, int, Advance], None]  # (start, stop, advance)
    done: Callable[[], int]  # how many rows exist already


def batched(iterable, size: int = BATCH) -> Iterator[list]:
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def insert_rows(model, objects: list) -> None:
    """INSERT unsaved `objects`, without returning their keys, several times faster than bulk_create, which passes
    every value of every row through its field and SQL compiler (most of a minute for 300,000 registrations of 33
    columns). PostgreSQL gets the rows by COPY; other databases by one executemany. Only the values that need it
    are put in the database's form, by the fields' own methods: JSON always, dates unless COPY takes them as they
    are; the rest are str, int, bool or None already. Times set on save (auto_now, auto_now_add) are now."""
    if not objects:
        return
    copy = connection.vendor == "postgresql"
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    kinds = (JSONField,) if copy else (JSONField, DateTimeField)
    prepare = [
        partial(field.get_db_prep_save, connection=connection) if isinstance(field, kinds) else None for field in fields
    ]
    stamped = [getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) for field in fields]
    names, now = [field.attname for field in fields], timezone.now()
    prepared: dict = {}  # (column, value): its database form; an event's rows share many of their times
    rows = []
    for instance in objects:
        row = []
        for index, (name, convert, stamp) in enumerate(zip(names, prepare, stamped, strict=True)):
            value = now if stamp else getattr(instance, name)
            if convert is not None and value is not None:
                key = (index, value if isinstance(value, datetime.datetime) else repr(value))
                if key not in prepared:
                    prepared[key] = convert(value)
                value = prepared[key]
            row.append(value)
        rows.append(row)
    quote = connection.ops.quote_name
    table, columns = quote(model._meta.db_table), ", ".join(quote(field.column) for field in fields)
    with connection.cursor() as cursor:
        if copy:
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as stream:
                for row in rows:
                    stream.write_row(row)
        else:
            values = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({values})", rows)  # noqa: S608 - the model's names


GENERATED_PREFIX = "gen-"
# Most generated people are citizens; the rest hold the roles later apps need in quantity.
ROLE_MIX = [
    (Role.CITIZEN, 70),
    (Role.INITIATIVE_LEAD, 12),
    (Role.DATA_PUBLISHER, 6),
    (Role.EVENT_HOST, 6),
    (Role.JURY_MEMBER, 3),
    (Role.COUNCIL_MEMBER, 3),
]


def _role_for(index: int) -> str:
    slot = (index * 37) % 100  # spread the roles, so any run of rows has the whole mix
    for role, share in ROLE_MIX:
        if slot < share:
            return role
        slot -= share
    return Role.CITIZEN


def _people(start: int, stop: int, advance: Advance) -> None:
    fake = Faker("sv_SE")
    fake.seed_instance(20261129 + start)
    password = make_password(None)  # generated people cannot log in
    units = list(Unit.objects.values_list("pk", flat=True))
    organisations = list(Organisation.objects.values_list("pk", flat=True))
    clusters = list(Cluster.objects.values_list("pk", flat=True))
    since = datetime.date(2024, 1, 1)
    for chunk in batched(range(start, stop)):
        with transaction.atomic():
            people = Person.objects.bulk_create(
                [
                    Person(
                        username=f"{GENERATED_PREFIX}{index:07d}",
                        first_name=fake.first_name(),
                        last_name=fake.last_name(),
                        email=f"{GENERATED_PREFIX}{index:07d}@example.org",
                        password=password,
                        title=fake.job()[:150] if index % 3 else "",
                    )
                    for index in chunk
                ]
            )
            if not people[0].pk:  # backends that do not return keys from bulk_create
                people = list(Person.objects.filter(username__in=[p.username for p in people]).order_by("username"))
            roles = []
            for index, person in zip(chunk, people, strict=True):
                role = _role_for(index)
                scope = {}
                if role in (Role.DATA_PUBLISHER, Role.EVENT_HOST):
                    scope = {"organisation_id": organisations[index % len(organisations)]}
                elif role == Role.INITIATIVE_LEAD:
                    scope = {"unit_id": units[index % len(units)]}
                elif role == Role.COUNCIL_MEMBER:
                    scope = {"cluster_id": clusters[index % len(clusters)]}
                valid_from = since + datetime.timedelta(days=index % 700)
                ended = index % 10 == 0 and role != Role.CITIZEN
                roles.append(
                    RoleAssignment(
                        person=person,
                        role=role,
                        valid_from=valid_from,
                        valid_until=valid_from + datetime.timedelta(days=180) if ended else None,
                        **scope,
                    )
                )
            RoleAssignment.objects.bulk_create(roles)
        advance(len(chunk))


def _portfolio(start: int, stop: int, advance: Advance) -> None:
    from tvatakt.demo.generated_portfolio import generate  # imported here: it uses batched() from this module

    generate(start, stop, advance)


def _council(start: int, stop: int, advance: Advance) -> None:
    from tvatakt.demo.generated_council import generate  # imported here: it uses batched() from this module

    generate(start, stop, advance)


def _council_done() -> int:
    from tvatakt.demo.generated_council import done

    return done()


def _recognition(start: int, stop: int, advance: Advance) -> None:
    from tvatakt.demo.recognition import generate  # imported here: it uses batched() from this module

    generate(start, stop, advance)


def _recognition_done() -> int:
    from tvatakt.demo.recognition import generated_done

    return generated_done()


def _lessons(start: int, stop: int, advance: Advance) -> None:
    from tvatakt.demo.generated_lessons import generate  # imported here: it uses batched() from this module

    generate(start, stop, advance)


def _lessons_done() -> int:
    from tvatakt.demo.generated_lessons import done

    return done()


def _catalogue(start: int, stop: int, advance: Advance) -> None:
    from tvatakt.demo.generated_catalogue import generate  # imported here: it uses batched() from this module

    generate(start, stop, advance)


def _catalogue_done() -> int:
    from tvatakt.demo.generated_catalogue import done

    return done()


def _inclusion(start: int, stop: int, advance: Advance) -> None:
    from tvatakt.demo.generated_inclusion import generate  # imported here: it uses batched() from this module

    generate(start, stop, advance)


def _inclusion_done() -> int:
    from tvatakt.demo.generated_inclusion import done

    return done()


def _innovation(start: int, stop: int, advance: Advance) -> None:
    from tvatakt.demo.generated_innovation import generate  # imported here: it uses batched() from this module

    generate(start, stop, advance)


def _innovation_done() -> int:
    from tvatakt.demo.generated_innovation import done

    return done()


STEPS: list[Step] = [
    Step(
        name="people",
        per_scale=5000,
        run=_people,
        done=lambda: Person.objects.filter(username__startswith=GENERATED_PREFIX).count(),
    ),
    Step(
        name="portfolio",
        per_scale=5000,
        run=_portfolio,
        done=lambda: Initiative.objects.filter(slug__startswith=GENERATED_PREFIX).count(),
    ),
    Step(name="council", per_scale=800, run=_council, done=_council_done),
    # One row per generated initiative gone through (the generated adoptions come with the last batch).
    Step(name="recognition", per_scale=5000, run=_recognition, done=_recognition_done),
    # The stopped and pivoted ones among them get a lesson; the award rounds come with the last batch.
    Step(name="lessons", per_scale=5000, run=_lessons, done=_lessons_done),
    # The open-data catalogue: Stockholm holds a third of Sweden's open data, so a large one.
    Step(name="catalogue", per_scale=20000, run=_catalogue, done=_catalogue_done),
    # Digital-inclusion events over four years and a coming season, each with its ~30 registrations.
    Step(name="inclusion", per_scale=10000, run=_inclusion, done=_inclusion_done),
    # Consultations: twenty of 2,500 ideas each, with about 500,000 supports from the generated people.
    Step(name="innovation", per_scale=50000, run=_innovation, done=_innovation_done),
]


def plan(scale: float) -> list[tuple[Step, int, int]]:
    """(step, start, stop) for what is still missing at `scale`."""
    work = []
    for step in STEPS:
        done, wanted = step.done(), round(step.per_scale * scale)
        if done < wanted:
            work.append((step, done, wanted))
    return work
