"""Read-only API for units, organisations, clusters and people's public roles."""

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from tvatakt.organisation import selectors
from tvatakt.organisation.choices import OrganisationKind, Role

router = Router(tags=["organisation"])


class PersonRef(Schema):
    name: str
    title: str

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.display_name


class UnitOut(Schema):
    slug: str
    number: int
    name: str
    name_en: str
    description: str
    description_en: str
    heads: list[PersonRef]

    @staticmethod
    def resolve_heads(obj) -> list:
        return [assignment.person for assignment in getattr(obj, "heads", [])]


class OrganisationOut(Schema):
    slug: str
    kind: OrganisationKind
    name: str
    short_name: str
    org_number: str
    website: str
    is_active: bool
    clusters: list[str]
    ambassador: PersonRef | None

    @staticmethod
    def resolve_clusters(obj) -> list[str]:
        return [cluster.slug for cluster in obj.clusters.all()]

    @staticmethod
    def resolve_ambassador(obj):
        principal = [a for a in getattr(obj, "ambassadors", []) if not a.is_deputy]
        return principal[0].person if principal else None


class ClusterOut(Schema):
    slug: str
    name: str
    name_en: str
    description: str
    description_en: str
    members: list[str]
    conveners: list[PersonRef]

    @staticmethod
    def resolve_members(obj) -> list[str]:
        return [organisation.slug for organisation in obj.members.all()]

    @staticmethod
    def resolve_conveners(obj) -> list:
        return [assignment.person for assignment in getattr(obj, "conveners", [])]


class RoleOut(Schema):
    person: PersonRef
    role: Role
    scope: str
    unit: str | None
    organisation: str | None
    cluster: str | None
    is_deputy: bool
    valid_from: datetime.date
    valid_until: datetime.date | None

    @staticmethod
    def resolve_unit(obj) -> str | None:
        return obj.unit.slug if obj.unit else None

    @staticmethod
    def resolve_organisation(obj) -> str | None:
        return obj.organisation.slug if obj.organisation else None

    @staticmethod
    def resolve_cluster(obj) -> str | None:
        return obj.cluster.slug if obj.cluster else None


@router.get("/units", response=list[UnitOut], summary="List the units")
@paginate
def list_units(request):
    return selectors.unit_list()


@router.get("/units/{slug}", response=UnitOut, summary="One unit")
def get_unit(request, slug: str):
    return get_object_or_404(selectors.unit_list(), slug=slug)


@router.get("/organisations", response=list[OrganisationOut], summary="List the organisations")
@paginate
def list_organisations(
    request, kind: OrganisationKind | None = None, cluster: str = "", q: str = "", include_inactive: bool = False
):
    return selectors.organisation_list(kind=kind or "", cluster=cluster, q=q, active_only=not include_inactive)


@router.get("/organisations/{slug}", response=OrganisationOut, summary="One organisation")
def get_organisation(request, slug: str):
    return get_object_or_404(selectors.organisation_list(active_only=False), slug=slug)


@router.get("/clusters", response=list[ClusterOut], summary="List the clusters")
@paginate
def list_clusters(request):
    return _clusters()


@router.get("/clusters/{slug}", response=ClusterOut, summary="One cluster")
def get_cluster(request, slug: str):
    return get_object_or_404(_clusters(), slug=slug)


def _clusters():
    return selectors.cluster_list().prefetch_related("members")


@router.get("/roles", response=list[RoleOut], summary="People's public roles today")
@paginate
def list_roles(request, role: Role | None = None, organisation: str = "", unit: str = "", cluster: str = ""):
    return selectors.public_role_list(role=role or "", organisation=organisation, unit=unit, cluster=cluster)
