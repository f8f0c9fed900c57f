"""Every change to the council's records goes through these functions, whichever door it came in by."""

from tvatakt.council.services.adoption import adoption_exemption_decide, adoption_report
from tvatakt.council.services.decisions import decision_correct, decision_record, decision_update
from tvatakt.council.services.meetings import (
    agenda_item_add,
    meeting_mark_held,
    meeting_schedule,
    minutes_adjust,
    minutes_approve,
)

__all__ = [
    "adoption_exemption_decide",
    "adoption_report",
    "agenda_item_add",
    "decision_correct",
    "decision_record",
    "decision_update",
    "meeting_mark_held",
    "meeting_schedule",
    "minutes_adjust",
    "minutes_approve",
]
