"""Who may run events: an event host for their organisation (or the whole city)."""

import rules

from tvatakt.organisation.choices import Role
from tvatakt.organisation.permissions import active_roles, holds, is_superuser


@rules.predicate
def hosts_for(user, organisation) -> bool:
    """`organisation` is an Organisation, or an event (its host organisation is asked about)."""
    organisation = getattr(organisation, "host", organisation)
    city_wide = holds(user, Role.EVENT_HOST, unit=None, organisation=None, cluster=None)
    return city_wide or (organisation is not None and holds(user, Role.EVENT_HOST, organisation=organisation.pk))


def host_organisation_ids(user) -> list[int] | None:
    """The organisations `user` hosts events for, or None for all of them (a city-wide host, a superuser)."""
    rows = [row for row in active_roles(user) if row[0] == Role.EVENT_HOST]
    if user.is_superuser or any(row[1:] == (None, None, None) for row in rows):
        return None
    return [row[2] for row in rows if row[2]]


rules.add_perm("inclusion.host", is_superuser | hosts_for)
