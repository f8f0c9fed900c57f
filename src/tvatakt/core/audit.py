"""Saving with a record of who did it and why, for the history that public records keep."""

from django.db import models


def save_as(obj: models.Model, actor, reason: str = "", **kwargs) -> None:
    """Save `obj`, recording `actor` (None: the system) and an optional reason in its history."""
    obj._history_user = actor
    if reason:
        obj._change_reason = reason[:100]
    obj.save(**kwargs)
