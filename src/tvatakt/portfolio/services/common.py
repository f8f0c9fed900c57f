"""Small helpers the portfolio services share."""

from tvatakt.core.audit import save_as
from tvatakt.portfolio.models import Initiative

__all__ = ["locked", "save_as"]


def locked(initiative: Initiative) -> Initiative:
    """The initiative re-read under a row lock, so decisions about it are taken one at a time."""
    return (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("process_type", "current_phase")
        .get(pk=initiative.pk)
    )
