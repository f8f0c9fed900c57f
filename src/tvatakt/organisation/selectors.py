"""Reads for units, organisations, clusters and roles, shaped so each page costs a fixed number of queries."""

from django.db.models import Count, Prefetch, Q, QuerySet

from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment, Unit


def _active_roles(*roles: str) -> QuerySet[RoleAssignment]:
    qs = RoleAssignment.objects.active().select_related("person")
    return qs.filter(role__in=roles).order_by("is_deputy", "person__last_name") if roles else qs.public()


def organisation_list(*, kind: str = "", cluster: str = "", q: str = "", active_only: bool = True) -> QuerySet:
    qs = Organisation.objects.all()
    if active_only:
        qs = qs.filter(is_active=True)
    if kind:
        qs = qs.filter(kind=kind)
    if cluster:
        qs = qs.filter(clusters__slug=cluster)  # one cluster: a join that cannot duplicate rows
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(short_name__icontains=q))
    return qs.prefetch_related(
        Prefetch("clusters", queryset=Cluster.objects.order_by("name")),
        Prefetch("roles", queryset=_active_roles(Role.AMBASSADOR), to_attr="ambassadors"),
    )


def organisation_detail(*, slug: str) -> Organisation:
    return Organisation.objects.prefetch_related(
        Prefetch("clusters", queryset=Cluster.objects.order_by("name")),
        Prefetch("roles", queryset=_active_roles().order_by("role", "is_deputy"), to_attr="active_roles"),
    ).get(slug=slug)


def districts() -> QuerySet[Organisation]:
    """The city's active district administrations, by name: where people say they live, for reach figures."""
    return Organisation.objects.filter(kind="district_administration", is_active=True).order_by("name")


def district(slug: str) -> Organisation | None:
    """The active district administration with this short name, or None: the API's filters and forms name them."""
    return districts().filter(slug=slug).first()


def unit_list() -> QuerySet[Unit]:
    return Unit.objects.prefetch_related(Prefetch("roles", queryset=_active_roles(Role.UNIT_HEAD), to_attr="heads"))


def unit_detail(*, slug: str) -> Unit:
    return Unit.objects.prefetch_related(
        Prefetch("roles", queryset=_active_roles().order_by("role"), to_attr="active_roles")
    ).get(slug=slug)


def cluster_choices() -> list[tuple[str, str]]:
    """(slug, name) of every cluster, for filter menus."""
    return [(cluster.slug, cluster.display_name) for cluster in Cluster.objects.only("slug", "name", "name_en")]


def cluster_list() -> QuerySet[Cluster]:
    return Cluster.objects.annotate(member_count=Count("members", filter=Q(members__is_active=True))).prefetch_related(
        Prefetch("roles", queryset=_active_roles(Role.CLUSTER_CONVENER), to_attr="conveners")
    )


def cluster_detail(*, slug: str) -> Cluster:
    return Cluster.objects.prefetch_related(
        Prefetch("members", queryset=Organisation.objects.filter(is_active=True).order_by("name")),
        Prefetch("roles", queryset=_active_roles().order_by("role"), to_attr="active_roles"),
    ).get(slug=slug)


def public_role_list(*, role: str = "", organisation: str = "", unit: str = "", cluster: str = "") -> QuerySet:
    """Roles people hold today that are part of the public record (never a citizen's)."""
    qs = RoleAssignment.objects.active().public().select_related("person", "unit", "organisation", "cluster")
    if role:
        qs = qs.filter(role=role)
    if organisation:
        qs = qs.filter(organisation__slug=organisation)
    if unit:
        qs = qs.filter(unit__slug=unit)
    if cluster:
        qs = qs.filter(cluster__slug=cluster)
    return qs.order_by("role", "person__last_name", "pk")


def role_admin_list(*, role: str = "", include_ended: bool = False) -> QuerySet:
    qs = RoleAssignment.objects.all() if include_ended else RoleAssignment.objects.active()
    if role:
        qs = qs.filter(role=role)
    return qs.select_related("person", "unit", "organisation", "cluster").order_by("role", "person__last_name", "pk")


def person_roles(*, person: Person) -> list[RoleAssignment]:
    return list(RoleAssignment.objects.active().filter(person=person).select_related("unit", "organisation", "cluster"))


def directory_counts() -> dict[str, int]:
    return {
        "units": Unit.objects.count(),
        "organisations": Organisation.objects.filter(is_active=True).count(),
        "clusters": Cluster.objects.count(),
    }
