"""Who may do what in the council: the one place that answers it."""

import rules

from tvatakt.organisation.choices import Role
from tvatakt.organisation.permissions import holds, is_ambassador_of, is_superuser


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
rules.add_perm("council.approve_minutes", is_chair)
rules.add_perm("council.report_adoption", is_ambassador_for)
rules.add_perm("council.decide_exemption", is_superuser | is_secretary)
