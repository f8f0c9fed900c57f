"""Who may do what with units, organisations, clusters and roles: the one place that answers it.

Predicates read the acting user's active role assignments once per request (cached on the user
object) so that asking about fifty organisations on one page costs one query, not fifty.
"""

import rules
from django.utils import timezone

from tvatakt.organisation.choices import Role


def active_roles(user) -> list[tuple[str, int | None, int | None, int | None]]:
    """(role, unit id, organisation id, cluster id) for each role `user` holds today."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = timezone.localdate()
    cached = getattr(user, "_tvatakt_roles", None)
    if cached is None or cached[0] != today:
        from tvatakt.organisation.models import RoleAssignment

        rows = list(
            RoleAssignment.objects.active(today)
            .filter(person_id=user.pk)
            .values_list("role", "unit_id", "organisation_id", "cluster_id")
        )
        cached = (today, rows)
        user._tvatakt_roles = cached
    return cached[1]


def holds(user, role: str, **scope) -> bool:
    """Does `user` hold `role`, in the scope given (unit=, organisation= or cluster= an id), today?"""
    index = {"unit": 1, "organisation": 2, "cluster": 3}
    for row in active_roles(user):
        if row[0] != role:
            continue
        if all(row[index[key]] == value for key, value in scope.items()):
            return True
    return False


@rules.predicate
def is_it_director(user) -> bool:
    return holds(user, Role.IT_DIRECTOR)


@rules.predicate
def is_ambassador_of(user, organisation) -> bool:
    return organisation is not None and holds(user, Role.AMBASSADOR, organisation=organisation.pk)


@rules.predicate
def is_head_of(user, unit) -> bool:
    return unit is not None and holds(user, Role.UNIT_HEAD, unit=unit.pk)


@rules.predicate
def is_convener_of(user, cluster) -> bool:
    return cluster is not None and holds(user, Role.CLUSTER_CONVENER, cluster=cluster.pk)


is_superuser = rules.is_superuser

rules.add_perm("organisation.edit_organisation", is_superuser | is_it_director | is_ambassador_of)
rules.add_perm("organisation.edit_organisation_identity", is_superuser | is_it_director)
rules.add_perm("organisation.edit_unit", is_superuser | is_it_director | is_head_of)
rules.add_perm("organisation.edit_cluster", is_superuser | is_it_director | is_convener_of)
rules.add_perm("organisation.manage_roles", is_superuser | is_it_director)
rules.add_perm("organisation.import_organisations", is_superuser | is_it_director)


@rules.predicate
def is_self(user, person) -> bool:
    return person is not None and getattr(user, "is_authenticated", False) and user.pk == person.pk


# Erasure (organisation.erasure): one's own account, or anyone's by an administrator with every permission.
rules.add_perm("organisation.erase_person", is_superuser | is_self)
