from django.db import models
from django.utils.translation import gettext_lazy as _


class Tempo(models.TextChoices):
    STABILITY = "stability", _("Stability")
    EXPLORATION = "exploration", _("Exploration")


class RecognitionKind(models.TextChoices):
    # Marathon and council: stable delivery.
    GATE_ON_TIME = "gate_on_time", _("A gate passed on or before plan")
    WITHIN_BUDGET = "within_budget", _("Delivered within budget")
    BENEFIT_REALISED = "benefit_realised", _("A benefit realised and confirmed")
    ADOPTED_EARLY = "adopted_early", _("A council decision implemented before its deadline")
    # Sprint and learning: risk-taking.
    OUTCOME_IN_QUARTER = "outcome_in_quarter", _("An outcome decided within the quarter")
    STOPPED_WITH_LEARNING = "stopped_with_learning", _("An experiment stopped early, with a learning")
    SCALED = "scaled", _("An experiment scaled into operations")
    LESSON_REUSED = "lesson_reused", _("A lesson reused by another organisation")


# The API's schema names enums by their class name, and another app has an EventKind too: the longer name keeps both.
EventKind = RecognitionKind


TEMPO = {
    EventKind.GATE_ON_TIME: Tempo.STABILITY,
    EventKind.WITHIN_BUDGET: Tempo.STABILITY,
    EventKind.BENEFIT_REALISED: Tempo.STABILITY,
    EventKind.ADOPTED_EARLY: Tempo.STABILITY,
    EventKind.OUTCOME_IN_QUARTER: Tempo.EXPLORATION,
    EventKind.STOPPED_WITH_LEARNING: Tempo.EXPLORATION,
    EventKind.SCALED: Tempo.EXPLORATION,
    EventKind.LESSON_REUSED: Tempo.EXPLORATION,
}

# The first policy's weights. Stopping with a learning is worth as much as a gate on time: that is the point.
DEFAULT_WEIGHTS = {
    EventKind.GATE_ON_TIME: 10,
    EventKind.WITHIN_BUDGET: 20,
    EventKind.BENEFIT_REALISED: 20,
    EventKind.ADOPTED_EARLY: 2,  # many small steps: kept low, or adoption alone would outweigh everything
    EventKind.OUTCOME_IN_QUARTER: 10,
    EventKind.STOPPED_WITH_LEARNING: 10,
    EventKind.SCALED: 20,
    EventKind.LESSON_REUSED: 15,
}


class LessonState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Waiting for review")
    PUBLISHED = "published", _("Published")


class AwardCategory(models.TextChoices):
    LESSON = "lesson", _("Lesson of the year")
    DELIVERY = "delivery", _("Delivery of the year")
    EXPERIMENT = "experiment", _("Experiment of the year")


class RoundPeriod(models.TextChoices):
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")


class RoundStatus(models.TextChoices):
    NOMINATING = "nominating", _("Open for nominations")
    JUDGING = "judging", _("The jury is scoring")
    PUBLISHED = "published", _("Winner published")
