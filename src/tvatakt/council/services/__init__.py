"""Every change to the council's records goes through these functions, whichever door it came in by."""

from tvatakt.council.services.adoption import adoption_exemption_decide, adoption_report
from tvatakt.council.services.attachments import attachment_add, attachment_remove
from tvatakt.council.services.decisions import decision_correct, decision_record, decision_update
from tvatakt.council.services.meetings import (
    agenda_item_add,
    meeting_mark_held,
    meeting_schedule,
    minutes_adjust,
    minutes_approve,
)
from tvatakt.council.services.reminders import reminders_send_due

__all__ = [
    "adoption_exemption_decide",
    "adoption_report",
    "agenda_item_add",
    "attachment_add",
    "attachment_remove",
    "decision_correct",
    "decision_record",
    "decision_update",
    "meeting_mark_held",
    "meeting_schedule",
    "minutes_adjust",
    "minutes_approve",
    "reminders_send_due",
]
