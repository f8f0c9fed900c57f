"""Award rounds (Årets lärdom, Årets leverans, Årets experiment), nominations with a motivation, and the jury's
scores. A nominee never scores their own nomination."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tvatakt.core.models import TimeStampedModel
from tvatakt.recognition.choices import AwardCategory, RoundPeriod, RoundStatus

# A quarterly round is not "of the year": Årets lärdom becomes Kvartalets lärdom.
QUARTER_TITLES = {
    AwardCategory.LESSON: _("Lesson of the quarter %(quarter)s"),
    AwardCategory.DELIVERY: _("Delivery of the quarter %(quarter)s"),
    AwardCategory.EXPERIMENT: _("Experiment of the quarter %(quarter)s"),
}


class AwardRound(TimeStampedModel):
    """One award in one period: nominations until a date, then the jury scores, then the winner is published."""

    category = models.CharField(_("award"), max_length=12, choices=AwardCategory.choices)
    period = models.CharField(_("period"), max_length=8, choices=RoundPeriod.choices)
    starts_on = models.DateField(_("period starts"))
    nominations_close = models.DateField(_("nominations close"))
    status = models.CharField(_("status"), max_length=12, choices=RoundStatus.choices, default=RoundStatus.NOMINATING)
    jury = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("jury"), related_name="award_juries")
    winner = models.OneToOneField(
        "recognition.Nomination", verbose_name=_("winner"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="won",
    )  # fmt: skip
    published_on = models.DateField(_("published on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("award round")
        verbose_name_plural = _("award rounds")
        ordering = ["-starts_on", "category"]
        constraints = [
            models.UniqueConstraint(fields=["category", "period", "starts_on"], name="one_round_per_award_and_period")
        ]

    def __str__(self) -> str:
        if self.period == RoundPeriod.YEAR:
            return f"{self.get_category_display()} {self.label}"
        return str(QUARTER_TITLES[self.category] % {"quarter": self.label})

    def get_absolute_url(self) -> str:
        return reverse("recognition:award_round", kwargs={"pk": self.pk})

    @property
    def label(self) -> str:
        if self.period == RoundPeriod.YEAR:
            return str(self.starts_on.year)
        return f"{self.starts_on.year} Q{(self.starts_on.month - 1) // 3 + 1}"

    @property
    def ends_on(self) -> datetime.date:
        months = 12 if self.period == RoundPeriod.YEAR else 3
        year, month = divmod(self.starts_on.month - 1 + months, 12)
        return datetime.date(self.starts_on.year + year, month + 1, 1) - datetime.timedelta(days=1)


class Nomination(TimeStampedModel):
    """A nominee (an initiative, and the people behind it) with the motivation of the person who nominated it."""

    round = models.ForeignKey(
        AwardRound, verbose_name=_("award round"), on_delete=models.CASCADE, related_name="nominations"
    )
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="nominations",
    )  # fmt: skip
    lesson = models.ForeignKey(
        "recognition.Lesson", verbose_name=_("lesson"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="nominations",
    )  # fmt: skip
    motivation = models.TextField(_("motivation"))
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("nominated by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["round", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(initiative__isnull=False) | models.Q(lesson__isnull=False),
                name="nomination_has_a_nominee",
                violation_error_message=_("Nominate an initiative or a lesson."),
            )
        ]

    def __str__(self) -> str:
        return str(self.lesson or self.initiative)


class Score(models.Model):
    """One juror's score for one nomination, 1 to 5."""

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("nomination"), on_delete=models.CASCADE, related_name="scores"
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("juror"), on_delete=models.PROTECT, related_name="+"
    )
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["nomination", "juror"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "juror"], name="one_score_per_juror"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="score_from_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.nomination}: {self.score}"
