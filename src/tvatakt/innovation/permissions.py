"""Who may run consultations (change the phase, answer ideas, moderate): an innovation lead for the consultation's
organisation or the whole city, and the IT director. Who may enter an idea for someone at a help desk: those
staff, and event hosts (the libraries' help desks are theirs)."""

import rules

from tvatakt.organisation.choices import Role
from tvatakt.organisation.permissions import holds, is_it_director, is_superuser


@rules.predicate
def leads_innovation_for(user, consultation) -> bool:
    if holds(user, Role.INNOVATION_LEAD, unit=None, organisation=None, cluster=None):
        return True
    organisation = getattr(consultation, "organisation_id", None)
    return organisation is not None and holds(user, Role.INNOVATION_LEAD, organisation=organisation)


@rules.predicate
def helps_at_a_desk(user) -> bool:
    return holds(user, Role.INNOVATION_LEAD) or holds(user, Role.EVENT_HOST)


rules.add_perm("innovation.run", is_superuser | is_it_director | leads_innovation_for)
rules.add_perm("innovation.enter_on_behalf", is_superuser | is_it_director | helps_at_a_desk)
