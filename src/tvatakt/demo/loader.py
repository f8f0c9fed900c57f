"""Load the demo city. Idempotent: a second run finds everything in place and adds nothing."""

import datetime
import itertools

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _

from tvatakt.council.models import Decision
from tvatakt.demo import city
from tvatakt.demo.catalogue import load_demo_catalogue
from tvatakt.demo.council import load_demo_council
from tvatakt.demo.forum import load_demo_forum
from tvatakt.demo.hackathons import load_demo_hackathons
from tvatakt.demo.harvests import load_demo_harvests
from tvatakt.demo.inclusion import load_demo_inclusion
from tvatakt.demo.innovation import load_demo_innovation
from tvatakt.demo.lessons import load_demo_lessons
from tvatakt.demo.portfolio import load_demo_portfolio, load_process_types
from tvatakt.demo.recognition import load_demo_recognition
from tvatakt.opendata.models import Dataset
from tvatakt.organisation.choices import OrganisationKind, Role
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment, Unit
from tvatakt.organisation.services import unique_slug
from tvatakt.portfolio.models import Initiative

TERM_START = datetime.date(2026, 1, 1)


@transaction.atomic
def load_demo_city() -> dict[str, int]:
    units = _units()
    organisations = _organisations()
    clusters = _clusters(organisations)
    password = make_password(city.DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    names = _invented_names()
    scopes = {"unit": units, "organisation": organisations, "cluster": clusters}
    for username, first, last, title, _label, role, scope_kind, scope_key in city.LOGINS:
        person = _person(username, first, last, title, password, staff=username == "admin")
        if role:
            _role(person, role, **({scope_kind: scopes[scope_kind][scope_key]} if scope_kind else {}))
    for slug, unit in units.items():
        if not RoleAssignment.objects.active().filter(role=Role.UNIT_HEAD, unit=unit).exists():
            first, last = next(names)
            _role(_person(f"chef-{slug[:20]}", first, last, "Enhetschef", password), Role.UNIT_HEAD, unit=unit)
    for number, organisation in enumerate(organisations.values()):
        if not RoleAssignment.objects.active().filter(role=Role.AMBASSADOR, organisation=organisation).exists():
            first, last = next(names)
            person = _person(f"amb-{organisation.slug[:30]}", first, last, "Digitaliseringsansvarig", password)
            _role(person, Role.AMBASSADOR, organisation=organisation)
            if number % 3 == 0:
                first, last = next(names)
                deputy = _person(f"ersattare-{organisation.slug[:25]}", first, last, "Verksamhetsutvecklare", password)
                _role(deputy, Role.AMBASSADOR, organisation=organisation, is_deputy=True)
    for slug, cluster in clusters.items():
        if not RoleAssignment.objects.active().filter(role=Role.CLUSTER_CONVENER, cluster=cluster).exists():
            first, last = next(names)
            _role(
                _person(f"kluster-{slug[:25]}", first, last, "Samordnare", password),
                Role.CLUSTER_CONVENER,
                cluster=cluster,
            )
    process_types = load_process_types()
    load_demo_portfolio()
    load_demo_council(password)
    load_demo_lessons()
    load_demo_forum()
    load_demo_recognition()
    load_demo_catalogue()  # last: its publishers are demo people, its uses demo initiatives
    load_demo_harvests()  # and after it: an import by its publishers
    load_demo_inclusion()
    load_demo_innovation()  # after the portfolio (ideas became initiatives) and the desk host of inclusion
    load_demo_hackathons()  # after the catalogue: the challenges rest on its datasets
    datasets = Dataset.objects.count()
    return {
        "process_types": len(process_types),
        "units": len(units),
        "organisations": len(organisations),
        "clusters": len(clusters),
        "people": Person.objects.count(),
        "initiatives": Initiative.objects.count(),
        "decisions": Decision.objects.count(),
        "datasets": datasets,
    }


def _invented_names():
    """Invented names combined by index, never at random, so the demo is the same on every machine."""
    for index in itertools.count():
        yield (
            city.FIRST_NAMES[(index * 7) % len(city.FIRST_NAMES)],
            city.LAST_NAMES[(index * 11) % len(city.LAST_NAMES)],
        )


def _units() -> dict[str, Unit]:
    units = {}
    for number, (slug, name, name_en, description, description_en) in enumerate(city.UNITS, start=1):
        units[slug], _ = Unit.objects.update_or_create(
            slug=slug,
            defaults={"number": number, "name": name, "name_en": name_en},
            create_defaults={
                "number": number,
                "name": name,
                "name_en": name_en,
                "description": description,
                "description_en": description_en,
            },
        )
    return units


def _organisations() -> dict[str, Organisation]:
    rows = [
        (name, "", OrganisationKind.SPECIALIST, city.STOCKHOLM_ORGNR, city.CITY_WEBSITE) for name in city.SPECIALIST
    ]
    rows += [
        (name, "", OrganisationKind.DISTRICT, city.STOCKHOLM_ORGNR, city.CITY_WEBSITE) for name in city.ALL_DISTRICTS
    ]
    rows += [(name, short, OrganisationKind.COMPANY, "", "") for name, short in city.COMPANIES]
    organisations = {}
    for name, short_name, kind, org_number, website in rows:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=name,
                slug=unique_slug(Organisation, name),
                short_name=short_name,
                kind=kind,
                org_number=org_number,
                website=website,
            )
        organisations[name] = organisation
    return organisations


def _clusters(organisations: dict[str, Organisation]) -> dict[str, Cluster]:
    clusters = {}
    for slug, name, name_en, description, description_en, members in city.CLUSTERS:
        cluster, created = Cluster.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "description": description, "description_en": description_en},
        )
        if created:
            cluster.members.set([organisations[member] for member in members])
        clusters[slug] = cluster
    return clusters


def _person(username: str, first: str, last: str, title: str, password: str, staff: bool = False) -> Person:
    person, created = Person.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "title": title,
            "email": f"{username}@demo.example.org",
            "password": password,
            "is_staff": staff,
            "is_superuser": staff,
        },
    )
    return person


def _role(person: Person, role: str, is_deputy: bool = False, **scope) -> None:
    if RoleAssignment.objects.active().filter(person=person, role=role, is_deputy=is_deputy, **scope).exists():
        return
    if role == Role.AMBASSADOR and not is_deputy:
        if RoleAssignment.objects.filter(role=role, is_deputy=False, valid_until__isnull=True, **scope).exists():
            return  # someone already holds it; the demo does not overrule a change made in the app
    assignment = RoleAssignment(person=person, role=role, is_deputy=is_deputy, valid_from=TERM_START, **scope)
    assignment.full_clean()
    assignment.save()


def summary(counts: dict[str, int]) -> str:
    """One line that says what the demo city holds, for the commands that load it."""
    return (
        _(
            "Demo city: %(units)s units, %(organisations)s organisations, %(clusters)s clusters, %(people)s people, "
            "%(process_types)s process types, %(initiatives)s initiatives."
        )
        % counts
    )
