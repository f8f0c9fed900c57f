"""Small helpers the portfolio services share."""

from django.db import models

from tvatakt.portfolio.models import Initiative


def save_as(obj: models.Model, actor, reason: str = "", **kwargs) -> None:
    """Save `obj`, recording `actor` (None: the system) and an optional reason in its history."""
    obj._history_user = actor
    if reason:
        obj._change_reason = reason[:100]
    obj.save(**kwargs)


def locked(initiative: Initiative) -> Initiative:
    """The initiative re-read under a row lock, so decisions about it are taken one at a time."""
    return (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("process_type", "current_phase")
        .get(pk=initiative.pk)
    )
