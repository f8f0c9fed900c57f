import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tvatakt.organisation.choices import OrganisationKind, Role
from tvatakt.organisation.models import Organisation, RoleAssignment

pytestmark = pytest.mark.django_db


def test_second_open_ambassador_is_refused_by_the_database_itself(person):
    organisation = Organisation.objects.get(name="Utbildningsförvaltningen")
    with pytest.raises(IntegrityError), transaction.atomic():
        # save() without clean(): only the database's constraint stands in the way.
        RoleAssignment.objects.create(person=person("medborgare"), role=Role.AMBASSADOR, organisation=organisation)


def test_deputy_ambassadors_may_sit_beside_the_ambassador(person):
    organisation = Organisation.objects.get(name="Utbildningsförvaltningen")
    deputy = RoleAssignment(
        person=person("medborgare"), role=Role.AMBASSADOR, organisation=organisation, is_deputy=True
    )
    deputy.full_clean()
    deputy.save()
    assert organisation.roles.active().filter(role=Role.AMBASSADOR).count() == 2


def test_overlapping_bounded_ambassador_term_is_refused_in_clean(person):
    organisation = Organisation.objects.get(name="Stadsarkivet")
    RoleAssignment.objects.filter(organisation=organisation, role=Role.AMBASSADOR).update(
        valid_until=datetime.date(2026, 12, 31)
    )
    overlapping = RoleAssignment(
        person=person("medborgare"),
        role=Role.AMBASSADOR,
        organisation=organisation,
        valid_from=datetime.date(2026, 6, 1),
        valid_until=datetime.date(2027, 6, 1),
    )
    with pytest.raises(ValidationError) as error:
        overlapping.full_clean()
    assert "person" in error.value.message_dict


def test_ambassador_term_after_the_current_one_ends_is_accepted(person):
    organisation = Organisation.objects.get(name="Stadsarkivet")
    RoleAssignment.objects.filter(organisation=organisation, role=Role.AMBASSADOR).update(
        valid_until=datetime.date(2026, 12, 31)
    )
    successor = RoleAssignment(
        person=person("medborgare"),
        role=Role.AMBASSADOR,
        organisation=organisation,
        valid_from=datetime.date(2027, 1, 1),
    )
    successor.full_clean()


@pytest.mark.parametrize(
    ("role", "scope"),
    [(Role.AMBASSADOR, {}), (Role.UNIT_HEAD, {}), (Role.IT_DIRECTOR, {"organisation": True})],
)
def test_role_in_the_wrong_scope_is_refused(person, role, scope):
    if scope:
        scope = {"organisation": Organisation.objects.first()}
    assignment = RoleAssignment(person=person("medborgare"), role=role, **scope)
    with pytest.raises(ValidationError) as error:
        assignment.full_clean()
    assert "role" in error.value.message_dict


def test_ambassador_without_organisation_is_refused_by_the_database(person):
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(person=person("medborgare"), role=Role.AMBASSADOR)


def test_end_before_start_is_refused(person):
    assignment = RoleAssignment(
        person=person("medborgare"),
        role=Role.CITIZEN,
        valid_from=datetime.date(2026, 5, 1),
        valid_until=datetime.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError):
        assignment.full_clean()


@pytest.mark.parametrize("number", ["212000-0142", "2120000142", ""])
def test_valid_organisation_numbers_pass(db, number):
    Organisation(slug="x", name="X", kind=OrganisationKind.COMPANY, org_number=number).full_clean()


@pytest.mark.parametrize("number", ["212000-0143", "12345", "abcdef-ghij"])
def test_invalid_organisation_number_is_refused_with_a_message(db, number):
    with pytest.raises(ValidationError) as error:
        Organisation(slug="x", name="X", kind=OrganisationKind.COMPANY, org_number=number).full_clean()
    assert "org_number" in error.value.message_dict


def test_active_roles_follow_the_dates(person):
    today = datetime.date(2026, 3, 1)
    citizen = person("medborgare")
    RoleAssignment.objects.create(
        person=citizen, role=Role.JURY_MEMBER, valid_from=today, valid_until=today + datetime.timedelta(days=1)
    )
    active = RoleAssignment.objects.filter(person=citizen, role=Role.JURY_MEMBER)
    assert active.active(today).exists()
    assert active.active(today + datetime.timedelta(days=1)).exists()
    assert not active.active(today + datetime.timedelta(days=2)).exists()
    assert not active.active(today - datetime.timedelta(days=1)).exists()
