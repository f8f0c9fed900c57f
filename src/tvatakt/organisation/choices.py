from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    SPECIALIST = "specialist_administration", _("Specialist administration")
    DISTRICT = "district_administration", _("District administration")
    COMPANY = "company", _("Municipal company")


class Role(models.TextChoices):
    IT_DIRECTOR = "it_director", _("IT director")
    UNIT_HEAD = "unit_head", _("Unit head")
    COUNCIL_CHAIR = "council_chair", _("Council chair")
    COUNCIL_MEMBER = "council_member", _("Council member")
    COUNCIL_SECRETARY = "council_secretary", _("Council secretary")
    AMBASSADOR = "ambassador", _("Ambassador")
    CLUSTER_CONVENER = "cluster_convener", _("Cluster convener")
    INITIATIVE_LEAD = "initiative_lead", _("Initiative lead")
    DATA_PUBLISHER = "data_publisher", _("Data publisher")
    JURY_MEMBER = "jury_member", _("Jury member")
    EVENT_HOST = "event_host", _("Event host")
    INNOVATION_LEAD = "innovation_lead", _("Innovation lead")
    CITIZEN = "citizen", _("Citizen")


class Scope(models.TextChoices):
    CITY = "city", _("The whole city")
    UNIT = "unit", _("A unit")
    ORGANISATION = "organisation", _("An organisation")
    CLUSTER = "cluster", _("A cluster")


# Which scope each role is held in. A role held city-wide has no scope object.
ROLE_SCOPES: dict[str, set[str]] = {
    Role.IT_DIRECTOR: {Scope.CITY},
    Role.UNIT_HEAD: {Scope.UNIT},
    Role.COUNCIL_CHAIR: {Scope.CITY},
    Role.COUNCIL_MEMBER: {Scope.CITY, Scope.ORGANISATION, Scope.CLUSTER},
    Role.COUNCIL_SECRETARY: {Scope.CITY},
    Role.AMBASSADOR: {Scope.ORGANISATION},
    Role.CLUSTER_CONVENER: {Scope.CLUSTER},
    Role.INITIATIVE_LEAD: {Scope.UNIT, Scope.ORGANISATION},
    Role.DATA_PUBLISHER: {Scope.ORGANISATION},
    Role.JURY_MEMBER: {Scope.CITY},
    Role.EVENT_HOST: {Scope.CITY, Scope.ORGANISATION, Scope.UNIT},
    Role.INNOVATION_LEAD: {Scope.CITY, Scope.ORGANISATION},
    Role.CITIZEN: {Scope.CITY},
}

# Roles that are part of the city's public record of who does what. A citizen's role is private.
PUBLIC_ROLES = [role for role in Role.values if role != Role.CITIZEN]
