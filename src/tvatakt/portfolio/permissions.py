"""Who may do what in the portfolio: the one place that answers it.

The gate rule is the one to keep in mind: an initiative's gates are decided by someone with authority
over it (the head of its unit, or the IT director), and never by its own lead alone.
"""

import rules

from tvatakt.organisation.choices import Role
from tvatakt.organisation.permissions import holds, is_it_director, is_superuser


@rules.predicate
def heads_a_unit(user) -> bool:
    return holds(user, Role.UNIT_HEAD)


@rules.predicate
def leads_initiatives(user) -> bool:
    return holds(user, Role.INITIATIVE_LEAD)


@rules.predicate
def heads_unit_of(user, obj) -> bool:
    """Heads the unit that owns `obj` (an initiative or a process type), or the unit `obj` itself."""
    if obj is None:
        return False
    unit_id = obj.pk if obj._meta.model_name == "unit" else obj.unit_id
    return unit_id is not None and holds(user, Role.UNIT_HEAD, unit=unit_id)


@rules.predicate
def is_lead_of(user, initiative) -> bool:
    return initiative is not None and user.is_authenticated and initiative.lead_id == user.pk


@rules.predicate
def is_on_team_of(user, initiative) -> bool:
    if initiative is None or not user.is_authenticated:
        return False
    return any(member.pk == user.pk for member in initiative.team.all())


may_lead = is_superuser | is_it_director | heads_a_unit | leads_initiatives
authority = is_superuser | is_it_director | heads_unit_of

rules.add_perm("portfolio.create_initiative", may_lead)
rules.add_perm("portfolio.import_initiatives", is_superuser | is_it_director | heads_a_unit)
rules.add_perm("portfolio.change_initiative", authority | is_lead_of)
# Who owns it, who leads it, who may see it, its money and its timebox: decided above the lead.
rules.add_perm("portfolio.govern_initiative", authority)
rules.add_perm("portfolio.check_in", authority | is_lead_of | is_on_team_of)
rules.add_perm("portfolio.decide_gate", authority & ~is_lead_of)
rules.add_perm("portfolio.decide_outcome", authority & ~is_lead_of)
rules.add_perm("portfolio.manage_benefits", authority | is_lead_of)
rules.add_perm("portfolio.manage_process_types", is_superuser | is_it_director | heads_unit_of)
