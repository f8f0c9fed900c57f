from tvatakt.council.models.adoption import Adoption, AdoptionStep
from tvatakt.council.models.decision import Decision, Vote
from tvatakt.council.models.meeting import AgendaItem, Council, Meeting

__all__ = ["Adoption", "AdoptionStep", "AgendaItem", "Council", "Decision", "Meeting", "Vote"]
