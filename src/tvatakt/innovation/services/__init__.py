from tvatakt.innovation.services.ideas import confirm_idea, erase_unconfirmed, submit_idea
from tvatakt.innovation.services.judging import declare_conflict, publish_results, ranking, score
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
from tvatakt.innovation.services.teams import (
    Member,
    add_file,
    answer_consent,
    erase_teams,
    register_team,
    remove_file,
    save_submission,
)
from tvatakt.innovation.services.winners import make_initiative

__all__ = [
    "Member", "add_file", "answer", "answer_consent", "comment", "confirm_idea", "declare_conflict",
    "dismiss_report", "erase_teams", "erase_unconfirmed", "hide_comment", "hide_idea", "make_initiative",
    "publish_results", "ranking", "register_team", "remove_file", "report", "restore_idea", "save_submission",
    "score", "set_phase", "submit_idea", "support", "withdraw_support",
]  # fmt: skip
