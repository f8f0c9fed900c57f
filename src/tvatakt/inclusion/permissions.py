"""Who may run events: an event host for their organisation (or the whole city)."""

import rules

from tvatakt.organisation.choices import Role
from tvatakt.organisation.permissions import holds, is_superuser


@rules.predicate
def hosts_for(user, organisation) -> bool:
    """`organisation` is an Organisation, or an event (its host organisation is asked about)."""
    organisation = getattr(organisation, "host", organisation)
    city_wide = holds(user, Role.EVENT_HOST, unit=None, organisation=None, cluster=None)
    return city_wide or (organisation is not None and holds(user, Role.EVENT_HOST, organisation=organisation.pk))


rules.add_perm("inclusion.host", is_superuser | hosts_for)
