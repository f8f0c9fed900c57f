from tvatakt.innovation.services.ideas import confirm_idea, erase_unconfirmed, submit_idea
from tvatakt.innovation.services.moderation import (
    answer,
    dismiss_report,
    hide_comment,
    hide_idea,
    report,
    restore_idea,
    set_phase,
)
from tvatakt.innovation.services.support import comment, support, withdraw_support

__all__ = [
    "answer",
    "comment",
    "confirm_idea",
    "dismiss_report",
    "erase_unconfirmed",
    "hide_comment",
    "hide_idea",
    "report",
    "restore_idea",
    "set_phase",
    "submit_idea",
    "support",
    "withdraw_support",
]
