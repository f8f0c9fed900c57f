"""The one helper services use to check permission, so that every door shares the rule."""

from django.utils.translation import gettext as _

from tvatakt.core.errors import NotAllowed


def require(actor, perm: str, obj=None) -> None:
    """Raise NotAllowed unless `actor` has `perm` (on `obj`). A None actor is the system itself."""
    if actor is None:
        return
    if not actor.has_perm(perm, obj):
        raise NotAllowed(_("You do not have permission to do this."))
