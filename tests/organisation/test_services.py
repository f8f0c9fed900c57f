import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tvatakt.core.errors import NotAllowed
from tvatakt.organisation import services
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Cluster, Organisation, RoleAssignment, Unit

pytestmark = pytest.mark.django_db


def test_it_director_gives_a_role(person):
    assignment = services.role_assign(actor=person("it-direktor"), person=person("medborgare"), role=Role.JURY_MEMBER)
    assert assignment.pk and assignment.valid_from == timezone.localdate()


@pytest.mark.parametrize("username", ["ambassador", "enhetschef", "medborgare", "radsordforande"])
def test_only_the_it_director_gives_roles(person, username):
    with pytest.raises(NotAllowed):
        services.role_assign(actor=person(username), person=person("medborgare"), role=Role.JURY_MEMBER)
    assert not RoleAssignment.objects.filter(role=Role.JURY_MEMBER, person=person("medborgare")).exists()


def test_second_ambassador_is_refused_with_the_current_ones_name(person):
    organisation = Organisation.objects.get(name="Utbildningsförvaltningen")
    with pytest.raises(ValidationError) as error:
        services.role_assign(
            actor=person("it-direktor"), person=person("medborgare"), role=Role.AMBASSADOR, organisation=organisation
        )
    assert "Jonas Ekholm" in str(error.value.message_dict["person"])


def test_ending_the_ambassador_lets_a_successor_start_today(person):
    organisation = Organisation.objects.get(name="Utbildningsförvaltningen")
    current = organisation.roles.get(role=Role.AMBASSADOR, is_deputy=False)
    services.role_end(actor=person("it-direktor"), assignment=current)
    current.refresh_from_db()
    assert current.valid_until == timezone.localdate() - datetime.timedelta(days=1)
    successor = services.role_assign(
        actor=person("it-direktor"), person=person("medborgare"), role=Role.AMBASSADOR, organisation=organisation
    )
    active = organisation.roles.active().filter(role=Role.AMBASSADOR, is_deputy=False)
    assert list(active) == [successor]


def test_ending_a_role_before_it_started_is_refused(person):
    assignment = RoleAssignment.objects.get(person=person("ambassador"), role=Role.AMBASSADOR)
    with pytest.raises(ValidationError):
        services.role_end(
            actor=person("it-direktor"), assignment=assignment, last_day=assignment.valid_from - datetime.timedelta(1)
        )
    assignment.refresh_from_db()
    assert assignment.valid_until is None


def test_a_role_ended_before_it_took_effect_is_withdrawn(person):
    planned = services.role_assign(
        actor=person("it-direktor"),
        person=person("medborgare"),
        role=Role.JURY_MEMBER,
        valid_from=timezone.localdate() + datetime.timedelta(days=30),
    )
    assert services.role_end(actor=person("it-direktor"), assignment=planned) is None
    assert not RoleAssignment.objects.filter(pk=planned.pk).exists()


def test_ambassador_edits_contact_details_of_their_own_organisation(person):
    organisation = Organisation.objects.get(name="Utbildningsförvaltningen")
    services.organisation_update(
        actor=person("ambassador"), organisation=organisation, website="https://example.org/utbildning"
    )
    organisation.refresh_from_db()
    assert organisation.website == "https://example.org/utbildning"


def test_ambassador_may_not_edit_another_organisation(person):
    other = Organisation.objects.get(name="Stadsarkivet")
    with pytest.raises(NotAllowed):
        services.organisation_update(actor=person("ambassador"), organisation=other, website="https://example.org/")


def test_ambassador_may_not_rename_their_organisation(person):
    organisation = Organisation.objects.get(name="Utbildningsförvaltningen")
    with pytest.raises(NotAllowed):
        services.organisation_update(actor=person("ambassador"), organisation=organisation, name="Skolverket")
    organisation.refresh_from_db()
    assert organisation.name == "Utbildningsförvaltningen"


def test_invalid_change_leaves_the_organisation_as_it_was(person):
    organisation = Organisation.objects.get(name="Stadsarkivet")
    with pytest.raises(ValidationError):
        services.organisation_update(actor=person("it-direktor"), organisation=organisation, org_number="123")
    organisation.refresh_from_db()
    assert organisation.org_number == "212000-0142"


def test_unit_head_edits_only_their_own_unit(person):
    own, other = Unit.objects.get(slug="digital-fornyelse"), Unit.objects.get(slug="utredning-och-avtal")
    services.unit_update(actor=person("enhetschef"), unit=own, description="Ny text", description_en="New text")
    with pytest.raises(NotAllowed):
        services.unit_update(actor=person("enhetschef"), unit=other, description="x", description_en="x")
    own.refresh_from_db()
    assert own.description == "Ny text"


def test_convener_sets_the_members_of_their_cluster(person):
    cluster = Cluster.objects.get(slug="teknik-och-infrastruktur")
    members = list(Organisation.objects.filter(name__in=["AB Stokab", "Trafikkontoret"]))
    services.cluster_update(
        actor=person("sammankallande"), cluster=cluster, description="d", description_en="", members=members
    )
    assert set(cluster.members.all()) == set(members)
    with pytest.raises(NotAllowed):
        services.cluster_update(
            actor=person("sammankallande"),
            cluster=Cluster.objects.get(slug="kultur-och-fritid"),
            description="d",
            description_en="",
            members=[],
        )


def test_a_role_that_has_ended_grants_nothing(person):
    assignment = RoleAssignment.objects.get(person=person("ambassador"), role=Role.AMBASSADOR)
    services.role_end(actor=person("it-direktor"), assignment=assignment)
    with pytest.raises(NotAllowed):
        services.organisation_update(
            actor=person("ambassador"), organisation=assignment.organisation, website="https://example.org/"
        )


def test_ending_a_role_that_has_already_ended_is_refused_and_changes_nothing(person):
    assignment = services.role_assign(
        actor=person("it-direktor"),
        person=person("medborgare"),
        role=Role.JURY_MEMBER,
        valid_from=datetime.date(2020, 1, 1),
        valid_until=datetime.date(2020, 12, 31),
    )
    with pytest.raises(ValidationError):
        services.role_end(actor=person("it-direktor"), assignment=assignment)
    assignment.refresh_from_db()
    assert assignment.valid_until == datetime.date(2020, 12, 31)


def test_two_scopes_are_refused_with_a_readable_message(person):
    with pytest.raises(ValidationError) as error:
        services.role_assign(
            actor=person("it-direktor"),
            person=person("medborgare"),
            role=Role.UNIT_HEAD,
            unit=Unit.objects.first(),
            organisation=Organisation.objects.first(),
        )
    assert "role" in error.value.message_dict
    assert "role_at_most_one_scope" not in str(error.value)


def test_editing_a_cluster_keeps_its_inactive_members(person):
    cluster = Cluster.objects.get(slug="teknik-och-infrastruktur")
    Organisation.objects.filter(name="AB Stokab").update(is_active=False)
    active = list(cluster.members.filter(is_active=True))
    services.cluster_update(
        actor=person("sammankallande"), cluster=cluster, description="ny", description_en="", members=active
    )
    assert cluster.members.filter(name="AB Stokab").exists()


def test_a_deputy_ambassador_may_edit_their_organisation_too(person):
    organisation = Organisation.objects.get(name="Utbildningsförvaltningen")
    services.role_assign(
        actor=person("it-direktor"),
        person=person("medborgare"),
        role=Role.AMBASSADOR,
        organisation=organisation,
        is_deputy=True,
    )
    services.organisation_update(actor=person("medborgare"), organisation=organisation, short_name="UTB")
    organisation.refresh_from_db()
    assert organisation.short_name == "UTB"


def test_a_person_without_a_name_is_never_shown_by_user_name(person):
    anonymous = person("medborgare")
    anonymous.first_name = anonymous.last_name = ""
    anonymous.username = "nils@example.org"
    assert "@" not in str(anonymous)
