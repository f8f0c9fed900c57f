"""Who may publish what in the catalogue: a data publisher for their own organisation's datasets only."""

import rules

from tvatakt.organisation.choices import Role
from tvatakt.organisation.permissions import holds, is_superuser


@rules.predicate
def publishes_for(user, organisation) -> bool:
    """`organisation` is an Organisation, or a dataset or service (its publisher is asked about)."""
    organisation = getattr(organisation, "publisher", organisation)
    return organisation is not None and holds(user, Role.DATA_PUBLISHER, organisation=organisation.pk)


@rules.predicate
def is_a_publisher(user) -> bool:
    return holds(user, Role.DATA_PUBLISHER)


rules.add_perm("opendata.publish", is_superuser | publishes_for)
rules.add_perm("opendata.publish_anywhere", is_superuser | is_a_publisher)  # may open the forms at all
