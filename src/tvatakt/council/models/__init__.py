from tvatakt.council.models.adoption import Adoption, AdoptionStep
from tvatakt.council.models.attachment import Attachment
from tvatakt.council.models.decision import Decision, Vote
from tvatakt.council.models.forum import ClusterMeeting, Post, Proposal, Thread
from tvatakt.council.models.meeting import AgendaItem, Council, Meeting
from tvatakt.council.models.reminder import Reminder

__all__ = [
    "Adoption",
    "AdoptionStep",
    "AgendaItem",
    "Attachment",
    "ClusterMeeting",
    "Council",
    "Decision",
    "Meeting",
    "Post",
    "Proposal",
    "Reminder",
    "Thread",
    "Vote",
]
