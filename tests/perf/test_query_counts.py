"""Query counts stay flat as data grows: the same page costs the same at 10 and at 60 rows."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tvatakt.organisation.choices import OrganisationKind, Role
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment, Unit

pytestmark = pytest.mark.django_db
CEILING = 12


def grow(n: int) -> None:
    """Add n organisations, each in two clusters with an ambassador and a deputy, and n people in roles."""
    clusters = [Cluster.objects.create(slug=f"k{i}-{n}", name=f"Kluster {i} {n}") for i in range(2)]
    unit = Unit.objects.create(slug=f"u-{n}", number=100 + n, name=f"Enhet {n}")
    for i in range(n):
        organisation = Organisation.objects.create(slug=f"o{i}-{n}", name=f"Org {i} {n}", kind=OrganisationKind.COMPANY)
        for cluster in clusters:
            cluster.members.add(organisation)
        for deputy in (False, True):
            person = Person.objects.create(username=f"p{i}-{n}-{deputy}", first_name="A", last_name=str(i))
            RoleAssignment.objects.create(
                person=person, role=Role.AMBASSADOR, organisation=organisation, is_deputy=deputy
            )
        RoleAssignment.objects.create(person=person, role=Role.CLUSTER_CONVENER, cluster=clusters[i % 2])
        RoleAssignment.objects.create(person=person, role=Role.UNIT_HEAD, unit=unit)


PAGES = [
    "/",
    "/organisationer/",
    "/organisationer/?kind=company",
    "/enheter/",
    "/kluster/",
    "/api/v1/organisations?limit=100",
    "/api/v1/clusters?limit=100",
    "/api/v1/units?limit=100",
    "/api/v1/roles?limit=100",
]
DETAILS = ["/organisationer/o0-{n}/", "/kluster/k0-{n}/", "/enheter/u-{n}/"]


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_list_pages_cost_the_same_at_two_sizes():
    """Every page counted at 10 rows, then all again at 70: the data is grown once, not for each page."""
    client = Client()
    grow(10)
    small = {url: count(client, url) for url in PAGES}
    grow(60)
    large = {url: count(client, url) for url in PAGES}
    assert large == small, f"queries at 10 rows, then at 70: {small} {large}"
    assert max(large.values()) <= CEILING, large


def test_detail_pages_cost_the_same_at_two_sizes():
    client = Client()
    grow(10)
    grow(60)
    # The large one gets many more people in roles than the small one.
    for i in range(12):
        extra = Person.objects.create(username=f"extra{i}", first_name="E", last_name=str(i))
        RoleAssignment.objects.create(
            person=extra,
            role=Role.AMBASSADOR,
            organisation_id=Organisation.objects.get(slug="o0-60").pk,
            is_deputy=True,
        )
        RoleAssignment.objects.create(person=extra, role=Role.COUNCIL_MEMBER, cluster=Cluster.objects.get(slug="k0-60"))
        RoleAssignment.objects.create(person=extra, role=Role.INITIATIVE_LEAD, unit=Unit.objects.get(slug="u-60"))
    small = {url: count(client, url.format(n=10)) for url in DETAILS}
    large = {url: count(client, url.format(n=60)) for url in DETAILS}
    assert large == small, f"queries at the small and the large one: {small} {large}"
    assert max(large.values()) <= CEILING, large


def test_the_account_page_of_a_busy_person_costs_a_fixed_number_of_queries():
    grow(10)
    person = Person.objects.get(username="p0-10-True")
    client = Client()
    client.force_login(person)
    small = count(client, "/konto/")
    for i in range(1, 10):
        RoleAssignment.objects.create(
            person=person,
            role=Role.AMBASSADOR,
            organisation_id=Organisation.objects.get(slug=f"o{i}-10").pk,
            is_deputy=True,
        )
    assert count(client, "/konto/") == small


def test_the_role_list_costs_the_same_at_two_sizes(client_as):
    client = client_as("it-direktor")
    grow(10)
    small = count(client, "/roller/?ended=1")
    grow(60)
    assert count(client, "/roller/?ended=1") == small <= CEILING
