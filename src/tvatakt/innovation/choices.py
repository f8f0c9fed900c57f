from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Phase(models.TextChoices):
    IDEAS = "ideas", _("Open for ideas")
    SUPPORT = "support", _("Open for support")
    REVIEW = "review", _("Being reviewed")
    CLOSED = "closed", _("Closed, with results")


PHASE_ORDER = [Phase.IDEAS, Phase.SUPPORT, Phase.REVIEW, Phase.CLOSED]


class ParticipantKind(models.TextChoices):
    CITIZEN = "citizen", _("Resident")
    STARTUP = "startup", _("Startup")
    COMPANY = "company", _("Company")
    ACADEMIA = "academia", _("University or research")
    STAFF = "staff", _("Works for the city")


class IdeaState(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    PUBLISHED = "published", pgettext_lazy("an idea", "Published")
    HIDDEN = "hidden", pgettext_lazy("an idea", "Hidden")


class IdeaOutcome(models.TextChoices):
    """What became of an idea: the city answers every one."""

    NONE = "", _("Not answered yet")
    UNDER_REVIEW = "under_review", _("Under review")
    IN_STRATEGY = "in_strategy", _("Taken into the strategy")
    INITIATIVE = "initiative", _("Became an initiative")
    NOT_TAKEN = "not_taken", _("Not taken forward")


# The API's schema names enums by their class name, and another app has a Outcome too: the longer name keeps both.
Outcome = IdeaOutcome


class MemberKind(models.TextChoices):
    STARTUP = "startup", _("Startup")
    COMPANY = "company", _("Company")
    ACADEMIA = "academia", _("University or research")
    STUDENT = "student", _("Student")
    CITIZEN = "citizen", _("Resident")
