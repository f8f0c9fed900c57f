"""Who may do what in the council: the one place that answers it."""

import rules

from tvatakt.organisation.choices import Role
from tvatakt.organisation.permissions import active_roles, holds, is_ambassador_of, is_convener_of, is_superuser


@rules.predicate
def is_secretary(user) -> bool:
    return holds(user, Role.COUNCIL_SECRETARY)


@rules.predicate
def is_chair(user) -> bool:
    return holds(user, Role.COUNCIL_CHAIR)


@rules.predicate
def is_member(user) -> bool:
    return holds(user, Role.COUNCIL_MEMBER) or holds(user, Role.COUNCIL_CHAIR)


@rules.predicate
def is_ambassador_for(user, adoption) -> bool:
    return adoption is not None and is_ambassador_of(user, adoption.organisation)


rules.add_perm("council.manage", is_superuser | is_secretary)
rules.add_perm("council.adjust_minutes", is_member & ~is_chair)
# Minutes are public once approved; the draft is for the council and its secretary, who check it.
rules.add_perm("council.read_draft_minutes", is_superuser | is_secretary | is_member)
rules.add_perm("council.approve_minutes", is_chair)
rules.add_perm("council.report_adoption", is_ambassador_for)
rules.add_perm("council.decide_exemption", is_superuser | is_secretary)


# Cluster forum. A cluster's members are the people who hold a role in one of its active member organisations,
# or a role scoped to the cluster itself (its convener, a council member for it). Meetings and proposals are
# public; the threads are the members' own.


def _member_organisation_ids(cluster) -> set[int]:
    cached = getattr(cluster, "_tvatakt_member_ids", None)
    if cached is None:
        cached = set(cluster.members.filter(is_active=True).values_list("pk", flat=True))
        cluster._tvatakt_member_ids = cached  # one query per cluster and request, however often asked
    return cached


@rules.predicate
def is_cluster_member(user, cluster) -> bool:
    if cluster is None:
        return False
    roles = active_roles(user)
    if any(cluster_id == cluster.pk for _role, _unit, _organisation, cluster_id in roles):
        return True
    organisations = {organisation_id for _role, _unit, organisation_id, _cluster in roles if organisation_id}
    return bool(organisations and organisations & _member_organisation_ids(cluster))


rules.add_perm("council.read_forum", is_superuser | is_cluster_member)
rules.add_perm("council.post_in_forum", is_superuser | is_cluster_member)
rules.add_perm("council.moderate_forum", is_superuser | is_convener_of)
rules.add_perm("council.schedule_cluster_meeting", is_superuser | is_convener_of)
rules.add_perm("council.raise_proposal", is_superuser | is_convener_of)
