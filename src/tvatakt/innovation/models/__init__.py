from tvatakt.innovation.models.consultation import Consultation
from tvatakt.innovation.models.hackathon import Challenge, Criterion, Hackathon, Question
from tvatakt.innovation.models.idea import Comment, Idea, Report, Support
from tvatakt.innovation.models.jury import Conflict, Juror, Score
from tvatakt.innovation.models.team import Submission, SubmissionFile, Team, TeamMember

__all__ = [
    "Challenge", "Comment", "Conflict", "Consultation", "Criterion", "Hackathon", "Idea", "Juror", "Question",
    "Report", "Score", "Submission", "SubmissionFile", "Support", "Team", "TeamMember",
]  # fmt: skip
