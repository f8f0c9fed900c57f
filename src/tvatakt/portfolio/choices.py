from django.db import models
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    MARATHON = "marathon", _("Marathon")
    SPRINT = "sprint", _("Sprint")


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    DONE = "done", _("Done")
    STOPPED = "stopped", _("Stopped")


# Statuses in which work is still under way and a check-in or a gate is expected.
OPEN_STATUSES = [Status.PROPOSED, Status.ACTIVE, Status.PAUSED]


class Health(models.TextChoices):
    GREEN = "green", _("Green: on track")
    AMBER = "amber", _("Amber: at risk")
    RED = "red", _("Red: off track")


class Outcome(models.TextChoices):
    SCALED = "scaled", _("Scaled")
    PIVOTED = "pivoted", _("Pivoted")
    STOPPED = "stopped", _("Stopped")


class GateChoice(models.TextChoices):
    GO = "go", _("Go: move to the next phase")
    HOLD = "hold", _("Hold: stay in this phase")
    RECYCLE = "recycle", _("Recycle: go back to the previous phase")
    STOP = "stop", _("Stop the initiative")


class PhaseRule(models.TextChoices):
    NONE = "", _("No special rule")
    STANDSTILL = "standstill", _("Standstill period after an award decision (LOU)")


class OverrunDecision(models.TextChoices):
    STOP = "stop", _("Stop it")
    EXTEND = "extend", _("Extend it once, by at most one quarter")
    CONVERT = "convert", _("Convert it to a marathon initiative")


# How often a check-in is expected, in days, by mode: weekly for sprints, monthly for marathons.
CHECK_IN_CADENCE_DAYS = {Mode.SPRINT: 7, Mode.MARATHON: 31}

# Statuses a person may set by hand. Done and stopped come from gate and outcome decisions, with reasons.
SETTABLE = [Status.PROPOSED, Status.ACTIVE, Status.PAUSED]
