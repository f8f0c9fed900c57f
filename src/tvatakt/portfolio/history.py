"""An initiative's history read back for people: who changed what, and when."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from tvatakt.portfolio.models import Initiative

KINDS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
# Bookkeeping, not content: a reader gains nothing from seeing these change.
SKIPPED = {"id", "created_at", "updated_at", "gate_revision", "phase_entered_on", "last_check_in_on"}


@dataclass
class HistoryEntry:
    when: datetime.datetime
    who: str
    what: str
    reason: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)


def initiative_history(initiative: Initiative, limit: int = 20) -> list[HistoryEntry]:
    """The latest `limit` changes, newest first. A fixed number of queries however long the record is.

    Values are compared on the history rows themselves; the names behind changed foreign keys are then
    read with one query per related model, instead of one per change as simple-history's diff would.
    """
    records = list(
        initiative.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    fields = [f for f in Initiative._meta.concrete_fields if f.name not in SKIPPED]
    raw, wanted = [], defaultdict(set)
    for newer, older in zip(records[:limit], [*records[1:], None][:limit], strict=True):
        changes = []
        for model_field in fields if older is not None else []:
            old, new = getattr(older, model_field.attname), getattr(newer, model_field.attname)
            if old != new:
                changes.append((model_field, old, new))
                if model_field.is_relation:
                    wanted[model_field.related_model] |= {old, new} - {None}
        raw.append((newer, changes))
    names = {
        model: {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)} for model, ids in wanted.items()
    }
    return [
        HistoryEntry(
            when=record.history_date,
            who=record.history_user.display_name if record.history_user else "",
            what=str(KINDS.get(record.history_type, record.history_type)),
            reason=record.history_change_reason or "",
            changes=[(str(f.verbose_name), _shown(f, old, names), _shown(f, new, names)) for f, old, new in changes],
        )
        for record, changes in raw
    ]


def _shown(model_field, value, names) -> str:
    if value is None:
        return ""
    if model_field.is_relation:
        return names[model_field.related_model].get(value, str(value))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)
