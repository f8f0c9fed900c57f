from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    APPROVED = "approved", _("Minutes approved")


class ItemKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    DISCUSSION = "discussion", _("Discussion")
    DECISION = "decision", _("Decision")


class Method(models.TextChoices):
    CONSENSUS = "consensus", _("Consensus")
    VOTE = "vote", _("Vote")


class VoteChoice(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    ABSTAIN = "abstain", _("Abstain")


class Scope(models.TextChoices):
    ALL = "all", _("All organisations")
    CLUSTER = "cluster", _("A cluster")
    LIST = "list", _("Chosen organisations")


class AdoptionState(models.TextChoices):
    PENDING = "pending", _("Not started")
    INFORMED = "informed", _("Informed")
    PLANNED = "planned", _("Planned")
    IMPLEMENTED = "implemented", _("Implemented")
    EXEMPTION_REQUESTED = "exemption_requested", _("Exemption requested")
    EXEMPTED = "exempted", _("Exempted")


# The way forward for an organisation: each state may move to these. An exemption may be asked for
# from any state short of implemented; the secretary grants it (exempted) or refuses it (back to informed).
NEXT_STATES = {
    AdoptionState.PENDING: {AdoptionState.INFORMED, AdoptionState.EXEMPTION_REQUESTED},
    AdoptionState.INFORMED: {AdoptionState.PLANNED, AdoptionState.EXEMPTION_REQUESTED},
    AdoptionState.PLANNED: {AdoptionState.IMPLEMENTED, AdoptionState.EXEMPTION_REQUESTED},
    AdoptionState.IMPLEMENTED: set(),
    AdoptionState.EXEMPTION_REQUESTED: set(),
    AdoptionState.EXEMPTED: set(),
}
DONE_STATES = [AdoptionState.IMPLEMENTED, AdoptionState.EXEMPTED]


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Before the deadline")
    AFTER = "after", _("After the deadline")


class ProposalState(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for the secretary")
    SCHEDULED = "scheduled", _("On the council’s agenda")
    DECLINED = "declined", _("Declined")
