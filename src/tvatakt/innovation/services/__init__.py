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
from tvatakt.innovation.services.organising import (
    QuestionLine,
    add_juror,
    remove_juror,
    save_challenge,
    save_consultation,
    save_hackathon,
    set_questions,
    set_rubric,
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
    "Member", "QuestionLine", "add_file", "add_juror", "answer", "answer_consent", "comment", "confirm_idea",
    "declare_conflict", "dismiss_report", "erase_teams", "erase_unconfirmed", "hide_comment", "hide_idea",
    "make_initiative", "publish_results", "ranking", "register_team", "remove_file", "remove_juror", "report",
    "restore_idea", "save_challenge", "save_consultation", "save_hackathon", "save_submission", "score",
    "set_phase", "set_questions", "set_rubric", "submit_idea", "support", "withdraw_support",
]  # fmt: skip
